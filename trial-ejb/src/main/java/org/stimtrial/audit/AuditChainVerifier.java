package org.stimtrial.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Recomputes the hash chain over every audit record with plain JDBC, so it can run inside the server and from the
 * command line alike. A record changed, inserted or deleted directly in the database breaks the chain at that record.
 */
public final class AuditChainVerifier {
    private static final String SELECT = "SELECT seq, occurred_at, username, source, source_ref, action, entity_type,"
            + " entity_id, subject_id, field_name, old_value, new_value, reason, prev_hash, hash"
            + " FROM audit_record ORDER BY seq";

    public ChainVerification verify(Connection connection) throws SQLException {
        long expectedSeq = 1;
        String expectedPrev = AuditHash.GENESIS;
        long checked = 0;
        try (PreparedStatement ps = connection.prepareStatement(SELECT)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    long subject = rs.getLong(9);
                    Long subjectId = rs.wasNull() ? null : subject;
                    AuditRecordContent content = new AuditRecordContent(seq, rs.getObject(2, OffsetDateTime.class),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), subjectId, rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13));
                    String prevHash = rs.getString(14);
                    String hash = rs.getString(15);
                    if (seq != expectedSeq) {
                        return ChainVerification.broken(checked, expectedSeq,
                                "record " + expectedSeq + " is missing (next record found is " + seq + ")");
                    }
                    if (!expectedPrev.equals(prevHash)) {
                        return ChainVerification.broken(checked, seq,
                                "record " + seq + " does not point to the hash of record " + (seq - 1));
                    }
                    if (!AuditHash.of(content, prevHash).equals(hash)) {
                        return ChainVerification.broken(checked, seq,
                                "record " + seq + " was altered: its content does not match its hash");
                    }
                    checked++;
                    expectedSeq = seq + 1;
                    expectedPrev = hash;
                }
            }
        }
        return checkHead(connection, checked, expectedSeq - 1, expectedPrev);
    }

    private ChainVerification checkHead(Connection connection, long checked, long lastSeq, String lastHash)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return ChainVerification.broken(checked, lastSeq + 1, "the chain head row is missing");
            }
            long headSeq = rs.getLong(1);
            if (headSeq != lastSeq || !rs.getString(2).equals(lastHash)) {
                long first = Math.min(headSeq, lastSeq) + 1;
                return ChainVerification.broken(checked, first, "the chain head names record " + headSeq
                        + " but the last record present is " + lastSeq + ": records at the end were removed or added");
            }
        }
        return ChainVerification.intact(checked);
    }
}
