package org.stimtrial.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import org.stimtrial.shared.BaseEntity;

/**
 * A treatment arm of the protocol (e.g. bupropion 150 mg twice daily, or matching placebo). The list of arms is
 * public protocol information; which subject is on which arm is not (see the allocation).
 */
@Entity
@Table(name = "arm")
public class Arm extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id")
    private Study study;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String drug;
    @Column(nullable = false)
    private String dose;
    @Column(name = "allocation_weight", nullable = false)
    private int allocationWeight;
    @Column(nullable = false)
    private boolean placebo;

    protected Arm() {
    }

    public Arm(Study study, String code, String name, String drug, String dose, int allocationWeight,
               boolean placebo) {
        if (allocationWeight <= 0) {
            throw new IllegalArgumentException("allocation weight must be positive");
        }
        this.study = Objects.requireNonNull(study);
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.drug = Objects.requireNonNull(drug);
        this.dose = Objects.requireNonNull(dose);
        this.allocationWeight = allocationWeight;
        this.placebo = placebo;
    }

    public Study study() {
        return study;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String drug() {
        return drug;
    }

    public String dose() {
        return dose;
    }

    public int allocationWeight() {
        return allocationWeight;
    }

    public boolean isPlacebo() {
        return placebo;
    }
}
