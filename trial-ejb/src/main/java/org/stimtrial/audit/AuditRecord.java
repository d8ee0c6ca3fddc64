package org.stimtrial.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One append-only audit record: who did it, when, why, and what: one changed field of a record, from its old to its
 * new value, or a whole record created or deleted with every field ({@link RecordState}).
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {
    @Id
    private long seq;
    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;
    @Column(nullable = false)
    private String username;
    @Column(nullable = false)
    private String source;
    @Column(name = "source_ref")
    private String sourceRef;
    @Column(nullable = false)
    private String action;
    @Column(name = "entity_type", nullable = false)
    private String entityType;
    @Column(name = "entity_id", nullable = false)
    private String entityId;
    @Column(name = "subject_id")
    private Long subjectId;
    @Column(name = "field_name", nullable = false)
    private String field;
    @Column(name = "old_value")
    private String oldValue;
    @Column(name = "new_value")
    private String newValue;
    private String reason;
    @Column(name = "prev_hash", nullable = false)
    private String prevHash;
    @Column(nullable = false)
    private String hash;

    protected AuditRecord() {
    }

    AuditRecord(AuditRecordContent c, String prevHash) {
        this.seq = c.seq();
        this.occurredAt = AuditHash.normalize(c.occurredAt());
        this.username = c.username();
        this.source = c.source();
        this.sourceRef = c.sourceRef();
        this.action = c.action();
        this.entityType = c.entityType();
        this.entityId = c.entityId();
        this.subjectId = c.subjectId();
        this.field = c.field();
        this.oldValue = c.oldValue();
        this.newValue = c.newValue();
        this.reason = c.reason();
        this.prevHash = prevHash;
        this.hash = AuditHash.of(c, prevHash);
    }

    public long seq() {
        return seq;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String username() {
        return username;
    }

    public String source() {
        return source;
    }

    public Optional<String> sourceRef() {
        return Optional.ofNullable(sourceRef);
    }

    public String action() {
        return action;
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }

    public String field() {
        return field;
    }

    public Optional<String> oldValue() {
        return Optional.ofNullable(oldValue);
    }

    public Optional<String> newValue() {
        return Optional.ofNullable(newValue);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The fields this record audits: the one changed field, or every field of the record created or deleted. */
    public List<FieldChange> changes() {
        return RecordState.changes(action, field, oldValue, newValue);
    }

    public String hash() {
        return hash;
    }
}
