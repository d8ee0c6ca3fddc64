package org.stimtrial.audit;

import java.time.OffsetDateTime;

/** One audit record as the API shows it. */
public record AuditView(long seq, OffsetDateTime at, String user, String source, String sourceRef, String action,
                        String entity, String entityId, String field, String oldValue, String newValue,
                        String reason) {
    static AuditView of(AuditRecord r) {
        return new AuditView(r.seq(), r.occurredAt(), r.username(), r.source(), r.sourceRef().orElse(null),
                r.action(), r.entityType(), r.entityId(), r.field(), r.oldValue().orElse(null),
                r.newValue().orElse(null), r.reason().orElse(null));
    }
}
