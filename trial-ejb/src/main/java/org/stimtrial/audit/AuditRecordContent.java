package org.stimtrial.audit;

import java.time.OffsetDateTime;

/** The hashed content of one audit record, as written and as read back for verification. */
public record AuditRecordContent(long seq, OffsetDateTime occurredAt, String username, String source,
                                 String sourceRef, String action, String entityType, String entityId,
                                 Long subjectId, String field, String oldValue, String newValue, String reason) {
}
