package org.stimtrial.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the hash chain. Writers lock this single row, so records are appended one at a time, in order. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {
    static final int ID = 1;

    @Id
    private int id;
    @Column(name = "last_seq", nullable = false)
    private long lastSeq;
    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditChainHead() {
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(AuditRecord appended) {
        if (appended.seq() != lastSeq + 1) {
            throw new IllegalStateException("audit records must be appended in sequence");
        }
        this.lastSeq = appended.seq();
        this.lastHash = appended.hash();
    }
}
