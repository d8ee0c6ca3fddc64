package org.stimtrial.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stimtrial.audit.Auditable;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.ValidationFailedException;

/**
 * Pill count at a visit: units dispensed and returned over the interval, giving adherence
 * {@code 100 * (dispensed - returned) / (days * unitsPerDay)}, which can exceed 100 when more was taken than
 * prescribed.
 */
@Entity
@Table(name = "medication_adherence")
public class MedicationAdherence extends BaseEntity implements Auditable {
    @OneToOne(optional = false)
    @JoinColumn(name = "visit_id")
    private Visit visit;
    @Column(name = "units_dispensed", nullable = false)
    private int unitsDispensed;
    @Column(name = "units_returned", nullable = false)
    private int unitsReturned;
    @Column(nullable = false)
    private int days;
    @Column(name = "units_per_day", nullable = false)
    private int unitsPerDay;
    @Column(name = "adherence_pct", nullable = false)
    private BigDecimal adherencePercent;
    @Version
    private long version;

    protected MedicationAdherence() {
    }

    public MedicationAdherence(Visit visit, int dispensed, int returned, int days, int unitsPerDay) {
        this.visit = Objects.requireNonNull(visit);
        record(dispensed, returned, days, unitsPerDay);
    }

    public void record(int dispensed, int returned, int newDays, int newUnitsPerDay) {
        List<FieldError> errors = new ArrayList<>();
        if (dispensed < 0) {
            errors.add(new FieldError("unitsDispensed", "cannot be negative"));
        }
        if (returned < 0) {
            errors.add(new FieldError("unitsReturned", "cannot be negative"));
        } else if (returned > dispensed) {
            errors.add(new FieldError("unitsReturned", "cannot exceed the units dispensed"));
        }
        if (newDays <= 0) {
            errors.add(new FieldError("days", "must be at least 1"));
        }
        if (newUnitsPerDay <= 0) {
            errors.add(new FieldError("unitsPerDay", "must be at least 1"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        this.unitsDispensed = dispensed;
        this.unitsReturned = returned;
        this.days = newDays;
        this.unitsPerDay = newUnitsPerDay;
        this.adherencePercent = BigDecimal.valueOf(100L * (dispensed - returned))
                .divide(BigDecimal.valueOf((long) newDays * newUnitsPerDay), 2, RoundingMode.HALF_EVEN);
    }

    public Visit visit() {
        return visit;
    }

    public int unitsDispensed() {
        return unitsDispensed;
    }

    public int unitsReturned() {
        return unitsReturned;
    }

    public int days() {
        return days;
    }

    public int unitsPerDay() {
        return unitsPerDay;
    }

    public BigDecimal adherencePercent() {
        return adherencePercent;
    }

    public long version() {
        return version;
    }

    @Override
    public String auditType() {
        return "MedicationAdherence";
    }

    @Override
    public String auditId() {
        return Long.toString(id());
    }

    @Override
    public long auditSubjectId() {
        return visit.subject().id();
    }

    @Override
    public Map<String, String> auditState() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("visit", visit.definition().code());
        state.put("unitsDispensed", Integer.toString(unitsDispensed));
        state.put("unitsReturned", Integer.toString(unitsReturned));
        state.put("days", Integer.toString(days));
        state.put("unitsPerDay", Integer.toString(unitsPerDay));
        state.put("adherencePercent", Values.text(adherencePercent));
        return state;
    }
}
