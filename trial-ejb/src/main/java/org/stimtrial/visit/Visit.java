package org.stimtrial.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stimtrial.audit.Auditable;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.study.VisitDefinition;
import org.stimtrial.subject.Subject;

/** One scheduled visit of one subject: its date once it took place, or that it was missed. */
@Entity
@Table(name = "visit")
public class Visit extends BaseEntity implements Auditable, ScheduledVisit {
    @ManyToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;
    @ManyToOne(optional = false)
    @JoinColumn(name = "visit_definition_id")
    private VisitDefinition definition;
    @Column(name = "visit_date")
    private LocalDate visitDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VisitStatus status;
    @Version
    private long version;

    protected Visit() {
    }

    public Visit(Subject subject, VisitDefinition definition) {
        this.subject = Objects.requireNonNull(subject);
        this.definition = Objects.requireNonNull(definition);
        this.status = VisitStatus.SCHEDULED;
    }

    /** Records that the visit took place on {@code date}. */
    public void markDone(LocalDate date) {
        this.visitDate = Objects.requireNonNull(date);
        this.status = VisitStatus.DONE;
    }

    /** Records that the visit did not take place. */
    public void markMissed() {
        this.visitDate = null;
        this.status = VisitStatus.MISSED;
    }

    public Subject subject() {
        return subject;
    }

    @Override
    public VisitDefinition definition() {
        return definition;
    }

    @Override
    public Optional<LocalDate> visitDate() {
        return Optional.ofNullable(visitDate);
    }

    @Override
    public VisitStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    @Override
    public String auditType() {
        return "Visit";
    }

    @Override
    public String auditId() {
        return Long.toString(id());
    }

    @Override
    public long auditSubjectId() {
        return subject.id();
    }

    @Override
    public Map<String, String> auditState() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("visit", definition.code());
        state.put("visitDate", visitDate == null ? null : visitDate.toString());
        state.put("status", status.name());
        return state;
    }
}
