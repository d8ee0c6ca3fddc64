package org.stimtrial.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stimtrial.shared.BulkRows;

/**
 * Appends audit records to the hash chain in bulk ({@link BulkRows}), for writers of many records at once (the bulk
 * import path). The chain head is locked when the appender is opened, as {@link AuditTrail} locks it, so records are
 * still appended one writer at a time and in order; the hashes are computed here and the rows and the new head are
 * written by {@link #write()}, inside the caller's transaction. The records are the same, field for field and hash
 * for hash, as {@link AuditTrail} writes.
 */
public final class JdbcAuditAppender {
    private static final BulkRows RECORDS = new BulkRows("audit_record", List.of("seq", "occurred_at", "username",
            "source", "source_ref", "action", "entity_type", "entity_id", "subject_id", "field_name", "old_value",
            "new_value", "reason", "prev_hash", "hash"));

    private final Connection connection;
    private final List<AuditRecordContent> pending = new ArrayList<>();
    private final List<String> pendingHashes = new ArrayList<>();
    private long lastSeq;
    private String lastHash;
    private String writtenHash;

    private JdbcAuditAppender(Connection connection, long lastSeq, String lastHash) {
        this.connection = connection;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
        this.writtenHash = lastHash;
    }

    /** Locks the chain head until the transaction ends and reads where the chain ends. */
    public static JdbcAuditAppender lockHead(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head"
                + " WHERE id = ? FOR UPDATE")) {
            ps.setInt(1, AuditChainHead.ID);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the audit chain head row is missing: the schema is not migrated");
                }
                return new JdbcAuditAppender(connection, rs.getLong(1), rs.getString(2));
            }
        }
    }

    /** Records the first save of a record: one audit record holding every present field. */
    public void inserted(Actor actor, String entityType, String entityId, long subjectId,
                         Map<String, String> state, OffsetDateTime at) {
        AuditRecordContent content = AuditRecordContent.ofRecord(lastSeq + 1, AuditHash.normalize(at), actor, null,
                entityType, entityId, subjectId, AuditAction.INSERT, state);
        String hash = AuditHash.of(content, lastHash);
        pending.add(content);
        pendingHashes.add(hash);
        lastSeq = content.seq();
        lastHash = hash;
    }

    /** Writes the records appended since the last write and moves the chain head past them. */
    public void write() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(pending.size());
        String prev = writtenHash;
        for (int i = 0; i < pending.size(); i++) {
            AuditRecordContent c = pending.get(i);
            rows.add(new Object[] {c.seq(), c.occurredAt(), c.username(), c.source(), text(c.sourceRef()),
                c.action(), c.entityType(), c.entityId(), c.subjectId(), c.field(), text(c.oldValue()),
                text(c.newValue()), text(c.reason()), prev, pendingHashes.get(i)});
            prev = pendingHashes.get(i);
        }
        RECORDS.write(connection, rows);
        try (PreparedStatement ps = connection.prepareStatement("UPDATE audit_chain_head SET last_seq = ?,"
                + " last_hash = ? WHERE id = ?")) {
            ps.setLong(1, lastSeq);
            ps.setString(2, lastHash);
            ps.setInt(3, AuditChainHead.ID);
            ps.executeUpdate();
        }
        writtenHash = lastHash;
        pending.clear();
        pendingHashes.clear();
    }

    private static Object text(String value) {
        return value == null ? new BulkRows.Null(Types.VARCHAR) : value;
    }
}
