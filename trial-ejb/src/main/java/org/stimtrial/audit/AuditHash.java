package org.stimtrial.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.stimtrial.shared.Sha256;

/**
 * SHA-256 of an audit record's content and the hash of the record before it. Each field is length-prefixed so that
 * no two different records have the same encoding; a missing value is encoded differently from an empty one.
 */
public final class AuditHash {
    /** The hash that the first record of the chain points back to. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    /** Audit times are kept in UTC at microsecond precision, the precision both H2 and PostgreSQL store. */
    public static OffsetDateTime normalize(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static String of(AuditRecordContent c, String prevHash) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, Long.toString(c.seq()));
        append(sb, normalize(c.occurredAt()).toInstant().toString());
        append(sb, c.username());
        append(sb, c.source());
        append(sb, c.sourceRef());
        append(sb, c.action());
        append(sb, c.entityType());
        append(sb, c.entityId());
        append(sb, c.subjectId() == null ? null : Long.toString(c.subjectId()));
        append(sb, c.field());
        append(sb, c.oldValue());
        append(sb, c.newValue());
        append(sb, c.reason());
        append(sb, prevHash);
        return Sha256.hex(sb.toString());
    }

    private static void append(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-;");
        } else {
            sb.append(value.length()).append(':').append(value).append(';');
        }
    }
}
