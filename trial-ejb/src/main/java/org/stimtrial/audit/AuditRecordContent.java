package org.stimtrial.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/** The hashed content of one audit record, as written and as read back for verification. */
public record AuditRecordContent(long seq, OffsetDateTime occurredAt, String username, String source,
                                 String sourceRef, String action, String entityType, String entityId,
                                 Long subjectId, String field, String oldValue, String newValue, String reason) {
    /** The record of one changed field, as {@link AuditTrail} and {@link JdbcAuditAppender} append it. */
    static AuditRecordContent of(long seq, OffsetDateTime at, Actor actor, String reason, String entityType,
                                 String entityId, Long subjectId, FieldChange change) {
        return new AuditRecordContent(seq, at, actor.username(), actor.source().name(),
                actor.sourceRef().orElse(null), change.action().name(), entityType, entityId, subjectId,
                change.field(), change.oldValue(), change.newValue(), reason);
    }

    /**
     * The record of a whole record created ({@link AuditAction#INSERT}: its fields are the new value) or deleted
     * ({@link AuditAction#DELETE}: they are the old value), as {@link RecordState} writes them.
     */
    static AuditRecordContent ofRecord(long seq, OffsetDateTime at, Actor actor, String reason, String entityType,
                                       String entityId, Long subjectId, AuditAction action,
                                       Map<String, String> state) {
        if (action == AuditAction.UPDATE) {
            throw new IllegalArgumentException("a change is audited field by field");
        }
        String fields = RecordState.encode(state);
        return new AuditRecordContent(seq, at, actor.username(), actor.source().name(),
                actor.sourceRef().orElse(null), action.name(), entityType, entityId, subjectId,
                RecordState.WHOLE_RECORD, action == AuditAction.DELETE ? fields : null,
                action == AuditAction.INSERT ? fields : null, reason);
    }
}
