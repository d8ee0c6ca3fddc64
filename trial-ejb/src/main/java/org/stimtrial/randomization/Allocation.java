package org.stimtrial.randomization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.stimtrial.study.Arm;
import org.stimtrial.subject.Subject;

/**
 * The arm and medication kit a randomized subject receives. The arm is confidential: it is never part of what blinded
 * roles can read; the kit number is what sites see.
 */
@Entity
@Table(name = "allocation")
public class Allocation extends org.stimtrial.shared.BaseEntity {
    @OneToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;
    @ManyToOne(optional = false)
    @JoinColumn(name = "arm_id")
    private Arm arm;
    @Column(name = "kit_number", nullable = false)
    private String kitNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AllocationMethod method;
    @Column(name = "allocated_at", nullable = false)
    private OffsetDateTime allocatedAt;
    private String stratum;

    protected Allocation() {
    }

    public Allocation(Subject subject, Arm arm, String kitNumber, AllocationMethod method, OffsetDateTime at) {
        this(subject, arm, kitNumber, method, at, null);
    }

    Allocation(Subject subject, Arm arm, String kitNumber, AllocationMethod method, OffsetDateTime at,
               String stratum) {
        this.stratum = stratum;
        this.subject = Objects.requireNonNull(subject);
        this.arm = Objects.requireNonNull(arm);
        this.kitNumber = Objects.requireNonNull(kitNumber);
        this.method = Objects.requireNonNull(method);
        this.allocatedAt = Objects.requireNonNull(at);
    }

    public Subject subject() {
        return subject;
    }

    public Arm arm() {
        return arm;
    }

    public String kitNumber() {
        return kitNumber;
    }

    public AllocationMethod method() {
        return method;
    }

    public OffsetDateTime allocatedAt() {
        return allocatedAt;
    }

    /** The stratum (blocks) or factor levels (minimization) the participant was randomized with; empty for demo. */
    public java.util.Optional<String> stratum() {
        return java.util.Optional.ofNullable(stratum);
    }
}
