package org.stimtrial.randomization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.subject.Subject;

/** An emergency unblinding of one participant: who, when and why (the arm itself is not repeated here). */
@Entity
@Table(name = "unblinding_event")
public class UnblindingEvent extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;
    @Column(nullable = false)
    private String username;
    @Column(nullable = false)
    private String reason;
    @Column(name = "unblinded_at", nullable = false)
    private OffsetDateTime unblindedAt;

    protected UnblindingEvent() {
    }

    UnblindingEvent(Subject subject, String username, String reason, OffsetDateTime at) {
        this.subject = subject;
        this.username = username;
        this.reason = reason;
        this.unblindedAt = at;
    }

    public Subject subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime unblindedAt() {
        return unblindedAt;
    }
}
