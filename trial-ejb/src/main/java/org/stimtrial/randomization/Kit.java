package org.stimtrial.randomization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.Optional;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.study.Arm;
import org.stimtrial.subject.Subject;

/** A medication kit of one arm for minimization; kits of an arm are dispensed in their (random) sequence. */
@Entity
@Table(name = "kit")
public class Kit extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "scheme_id")
    private RandomizationScheme scheme;
    @ManyToOne(optional = false)
    @JoinColumn(name = "arm_id")
    private Arm arm;
    @Column(nullable = false)
    private int sequence;
    @Column(name = "kit_number", nullable = false)
    private String kitNumber;
    @OneToOne
    @JoinColumn(name = "subject_id")
    private Subject subject;

    protected Kit() {
    }

    Kit(RandomizationScheme scheme, Arm arm, int sequence, String kitNumber) {
        this.scheme = scheme;
        this.arm = arm;
        this.sequence = sequence;
        this.kitNumber = kitNumber;
    }

    public Arm arm() {
        return arm;
    }

    public int sequence() {
        return sequence;
    }

    public String kitNumber() {
        return kitNumber;
    }

    public Optional<Subject> subject() {
        return Optional.ofNullable(subject);
    }

    void dispenseTo(Subject s) {
        if (subject != null) {
            throw new IllegalStateException("kit " + kitNumber + " is already dispensed");
        }
        subject = s;
    }
}
