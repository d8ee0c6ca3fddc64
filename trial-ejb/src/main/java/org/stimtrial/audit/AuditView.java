package org.stimtrial.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One audited field as the API shows it: a change, or one field of a record created or deleted (the lines of one
 * audit record share its {@code seq}).
 */
public record AuditView(long seq, OffsetDateTime at, String user, String source, String sourceRef, String action,
                        String entity, String entityId, String field, String oldValue, String newValue,
                        String reason) {
    /** The lines of audit records, in their order. */
    static List<AuditView> lines(List<AuditRecord> records) {
        return records.stream().flatMap(r -> lines(r).stream()).toList();
    }

    private static List<AuditView> lines(AuditRecord r) {
        return r.changes().stream().map(c -> new AuditView(r.seq(), r.occurredAt(), r.username(), r.source(),
                r.sourceRef().orElse(null), c.action().name(), r.entityType(), r.entityId(), c.field(),
                c.oldValue(), c.newValue(), r.reason().orElse(null))).toList();
    }
}
