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

/** One entry of a stratum's permuted-block list: arm and kit, and the participant who received it once used. */
@Entity
@Table(name = "allocation_slot")
public class AllocationSlot extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "scheme_id")
    private RandomizationScheme scheme;
    @Column(nullable = false)
    private String stratum;
    @Column(nullable = false)
    private int sequence;
    @Column(nullable = false)
    private int block;
    @Column(name = "block_size", nullable = false)
    private int blockSize;
    @ManyToOne(optional = false)
    @JoinColumn(name = "arm_id")
    private Arm arm;
    @Column(name = "kit_number", nullable = false)
    private String kitNumber;
    @OneToOne
    @JoinColumn(name = "subject_id")
    private Subject subject;

    protected AllocationSlot() {
    }

    AllocationSlot(RandomizationScheme scheme, String stratum, PermutedBlocks.Entry entry, Arm arm, String kitNumber) {
        this.scheme = scheme;
        this.stratum = stratum;
        this.sequence = entry.sequence();
        this.block = entry.block();
        this.blockSize = entry.blockSize();
        this.arm = arm;
        this.kitNumber = kitNumber;
    }

    public String stratum() {
        return stratum;
    }

    public int sequence() {
        return sequence;
    }

    public int block() {
        return block;
    }

    public int blockSize() {
        return blockSize;
    }

    public Arm arm() {
        return arm;
    }

    public String kitNumber() {
        return kitNumber;
    }

    public Optional<Subject> subject() {
        return Optional.ofNullable(subject);
    }

    void useFor(Subject s) {
        if (subject != null) {
            throw new IllegalStateException("slot " + stratum + "#" + sequence + " is already used");
        }
        subject = s;
    }
}
