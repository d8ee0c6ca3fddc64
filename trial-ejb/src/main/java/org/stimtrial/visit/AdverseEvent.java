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
import org.stimtrial.subject.Subject;
import org.stimtrial.visit.AdverseEventTerms.ActionTaken;
import org.stimtrial.visit.AdverseEventTerms.Outcome;
import org.stimtrial.visit.AdverseEventTerms.Relatedness;

/** An adverse event of a subject, graded 1-5 (CTCAE-style), with seriousness, relatedness, action and outcome. */
@Entity
@Table(name = "adverse_event")
public class AdverseEvent extends BaseEntity implements Auditable {
    @ManyToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;
    @Column(nullable = false)
    private String term;
    @Column(name = "onset_date", nullable = false)
    private LocalDate onsetDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(nullable = false)
    private int severity;
    @Column(nullable = false)
    private boolean serious;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Relatedness relatedness;
    @Enumerated(EnumType.STRING)
    @Column(name = "action_taken", nullable = false)
    private ActionTaken actionTaken;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;
    @Version
    private long version;

    protected AdverseEvent() {
    }

    public AdverseEvent(Subject subject, AdverseEventEntry entry) {
        this.subject = Objects.requireNonNull(subject);
        record(entry);
    }

    /** Replaces the recorded details (already checked by {@link AdverseEventEntry}). */
    public void record(AdverseEventEntry e) {
        this.term = e.term();
        this.onsetDate = e.onsetDate();
        this.endDate = e.endDate().orElse(null);
        this.severity = e.severity();
        this.serious = e.serious();
        this.relatedness = e.relatedness();
        this.actionTaken = e.actionTaken();
        this.outcome = e.outcome();
    }

    public Subject subject() {
        return subject;
    }

    public AdverseEventEntry entry() {
        return new AdverseEventEntry(term, onsetDate, Optional.ofNullable(endDate), severity, serious, relatedness,
                actionTaken, outcome);
    }

    public long version() {
        return version;
    }

    @Override
    public String auditType() {
        return "AdverseEvent";
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
        state.put("term", term);
        state.put("onsetDate", onsetDate.toString());
        state.put("endDate", endDate == null ? null : endDate.toString());
        state.put("severity", Integer.toString(severity));
        state.put("serious", Boolean.toString(serious));
        state.put("relatedness", relatedness.name());
        state.put("actionTaken", actionTaken.name());
        state.put("outcome", outcome.name());
        return state;
    }
}
