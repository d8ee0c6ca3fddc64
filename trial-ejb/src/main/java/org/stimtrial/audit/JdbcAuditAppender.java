package org.stimtrial.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.shared.BulkRows;
import org.stimtrial.shared.BulkWrite;

/**
 * Appends audit records to the hash chain in bulk ({@link BulkWrite}: the records and the new head in one statement
 * when they are few, {@code COPY} when they are many), for writers of many records at once (the bulk import path).
 * Records are collected unnumbered; {@link #drain} locks the chain head (as
 * {@link AuditTrail} locks it, until the transaction ends), numbers and hashes the records after the head, stamps them
 * with the time they are written, and hands over the rows and the new head for the caller to write inside its
 * transaction. So a writer holds the head only from its first write to its commit, and everything it does before
 * (reading, checking) runs beside other writers. The records are the same, field for field and hash for hash, as
 * {@link AuditTrail} writes; their times rise with their sequence numbers, as there.
 */
public final class JdbcAuditAppender {
    private static final BulkRows RECORDS = new BulkRows("audit_record", List.of("seq bigint",
            "occurred_at timestamptz", "username varchar", "source varchar", "source_ref varchar", "action varchar",
            "entity_type varchar", "entity_id varchar", "subject_id bigint", "field_name varchar", "old_value varchar",
            "new_value varchar", "reason varchar", "prev_hash varchar", "hash varchar"));
    private static final BulkRows HEAD = new BulkRows("audit_chain_head", List.of("id int", "last_seq bigint",
            "last_hash varchar"));

    private final Connection connection;
    private final Clock clock;
    private final List<Inserted> pending = new ArrayList<>();
    /** Where the chain ends, once this appender holds the head; empty before its first write and after a move. */
    private Optional<Head> head = Optional.empty();

    private JdbcAuditAppender(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * An appender on the transaction's connection; the chain head is locked at its first {@link #drain}, and the
     * records are stamped with {@code clock}'s time once the head is held.
     */
    public static JdbcAuditAppender on(Connection connection, Clock clock) {
        return new JdbcAuditAppender(connection, clock);
    }

    private record Head(long lastSeq, String lastHash) {
    }

    /** A first save waiting for its place in the chain. */
    private record Inserted(Actor actor, String entityType, String entityId, long subjectId,
                            Map<String, String> state) {
    }

    /** Records the first save of a record: one audit record holding every present field, numbered by {@link #drain}. */
    public void inserted(Actor actor, String entityType, String entityId, long subjectId, Map<String, String> state) {
        pending.add(new Inserted(actor, entityType, entityId, subjectId, state));
    }

    /**
     * Says that records were appended to the chain by other means ({@link AuditTrail}) in this transaction: the next
     * write reads the head again. Nothing may be waiting to be written.
     */
    public void headMoved() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("write the waiting audit records before the chain is appended otherwise");
        }
        head = Optional.empty();
    }

    /**
     * Locks the chain head if this appender does not hold it yet, numbers and hashes the waiting records after it with
     * the time now (read once the head is held, so that no record later in the chain has an earlier time), and hands
     * them over as the parts of a write: the records, and the head moved past them. The caller writes the parts
     * ({@link BulkWrite}) in this transaction, with its own rows or alone. With nothing waiting, the parts are
     * empty (the same two parts, so that a statement made of them keeps its text) and the head is not locked.
     */
    public List<BulkWrite.Part> drain() throws SQLException {
        if (pending.isEmpty()) {
            return List.of(BulkWrite.Part.insert(RECORDS, List.of()), BulkWrite.Part.update(HEAD, List.of()));
        }
        Head from = head.isPresent() ? head.get() : lockHead();
        OffsetDateTime stamp = AuditHash.normalize(OffsetDateTime.now(clock));
        List<Object[]> rows = new ArrayList<>(pending.size());
        long seq = from.lastSeq();
        String prev = from.lastHash();
        for (Inserted i : pending) {
            AuditRecordContent c = AuditRecordContent.ofRecord(++seq, stamp, i.actor(), null, i.entityType(),
                    i.entityId(), i.subjectId(), AuditAction.INSERT, i.state());
            String hash = AuditHash.of(c, prev);
            rows.add(new Object[] {c.seq(), c.occurredAt(), c.username(), c.source(), text(c.sourceRef()),
                c.action(), c.entityType(), c.entityId(), c.subjectId(), c.field(), text(c.oldValue()),
                text(c.newValue()), text(c.reason()), prev, hash});
            prev = hash;
        }
        head = Optional.of(new Head(seq, prev));
        pending.clear();
        return List.of(BulkWrite.Part.insert(RECORDS, rows), BulkWrite.Part.update(HEAD,
                List.<Object[]>of(new Object[] {AuditChainHead.ID, seq, prev})));
    }

    /** Locks the chain head until the transaction ends and reads where the chain ends. */
    private Head lockHead() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head"
                + " WHERE id = ? FOR UPDATE")) {
            ps.setInt(1, AuditChainHead.ID);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the audit chain head row is missing: the schema is not migrated");
                }
                return new Head(rs.getLong(1), rs.getString(2));
            }
        }
    }

    private static Object text(String value) {
        return value == null ? new BulkRows.Null(Types.VARCHAR) : value;
    }
}
