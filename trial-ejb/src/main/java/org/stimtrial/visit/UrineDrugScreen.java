package org.stimtrial.visit;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stimtrial.audit.Auditable;
import org.stimtrial.shared.BaseEntity;

/** One urine specimen collected at a visit and its per-analyte results. */
@Entity
@Table(name = "urine_drug_screen")
public class UrineDrugScreen extends BaseEntity implements Auditable {
    /** The entity type its audit records name. */
    public static final String AUDIT_TYPE = "UrineDrugScreen";

    @ManyToOne(optional = false)
    @JoinColumn(name = "visit_id")
    private Visit visit;
    @Column(name = "specimen_id", nullable = false)
    private String specimenId;
    @Column(name = "collected_at", nullable = false)
    private OffsetDateTime collectedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SpecimenSource source;
    @Enumerated(EnumType.STRING)
    @Column(name = "specimen_validity", nullable = false)
    private SpecimenValidity validity;
    @OneToMany(mappedBy = "screen", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("loincCode")
    private List<AnalyteResult> results = new ArrayList<>();
    @Version
    private long version;

    protected UrineDrugScreen() {
    }

    public UrineDrugScreen(Visit visit, String specimenId, OffsetDateTime collectedAt, SpecimenSource source,
                           SpecimenValidity validity, List<AnalyteEntry> entries) {
        this.visit = Objects.requireNonNull(visit);
        this.specimenId = Objects.requireNonNull(specimenId);
        record(collectedAt, source, validity, entries);
    }

    /** Replaces what was recorded for this specimen. */
    public void record(OffsetDateTime at, SpecimenSource newSource, SpecimenValidity newValidity,
                       List<AnalyteEntry> entries) {
        this.collectedAt = at.withOffsetSameInstant(ZoneOffset.UTC);
        this.source = Objects.requireNonNull(newSource);
        this.validity = Objects.requireNonNull(newValidity);
        results.removeIf(r -> entries.stream().noneMatch(e -> e.analyte() == r.analyte()));
        for (AnalyteEntry e : entries) {
            results.stream().filter(r -> r.analyte() == e.analyte()).findFirst().ifPresentOrElse(
                    r -> r.update(e), () -> results.add(new AnalyteResult(this, e)));
        }
    }

    public Visit visit() {
        return visit;
    }

    public String specimenId() {
        return specimenId;
    }

    public OffsetDateTime collectedAt() {
        return collectedAt;
    }

    public SpecimenSource source() {
        return source;
    }

    public SpecimenValidity validity() {
        return validity;
    }

    public List<AnalyteResult> results() {
        return List.copyOf(results);
    }

    /**
     * Whether the specimen counts as negative for amphetamine-type stimulants: valid, with results, and every result
     * negative, except that a presumptive screen that is not negative is overruled when every substance it covers
     * has a negative confirmation or measured concentration (a confirmed false positive). Anything else (a positive,
     * an invalid specimen, an analyte not done) is not a negative screen.
     */
    public boolean isNegative() {
        if (validity != SpecimenValidity.VALID || results.isEmpty()) {
            return false;
        }
        List<AnalyteResult> definitive = results.stream().filter(r -> r.analyte().definitive()).toList();
        if (definitive.stream().anyMatch(r -> r.result() != QualitativeResult.NEGATIVE)) {
            return false;
        }
        return results.stream().filter(r -> r.result() != QualitativeResult.NEGATIVE).allMatch(screen ->
                !screen.analyte().definitive() && screen.analyte().substances().stream().allMatch(substance ->
                        definitive.stream().anyMatch(d -> d.analyte().substances().contains(substance))));
    }

    public long version() {
        return version;
    }

    @Override
    public String auditType() {
        return AUDIT_TYPE;
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
        return UrineScreenRules.auditState(visit.definition().code(), specimenId, collectedAt, source, validity,
                results.stream().map(AnalyteResult::entry).toList());
    }
}
