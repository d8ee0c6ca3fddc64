package org.stimtrial.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.stimtrial.analysis.report.Listing;
import org.stimtrial.analysis.report.Table;
import org.stimtrial.audit.FieldChange;
import org.stimtrial.audit.RecordState;

/**
 * The audit trail as a listing, read with a JDBC cursor (fetch size 1,000) in chain order, so a trail of any
 * length streams into the workbook without being held in memory. The trail holds no arm (allocations are audited
 * by kit number).
 */
final class AuditTrailListing {
    private static final String SQL = "SELECT seq, occurred_at, username, source, source_ref, action, entity_type,"
            + " entity_id, field_name, old_value, new_value, reason FROM audit_record ORDER BY seq";

    private AuditTrailListing() {
    }

    static Listing of(DataSource dataSource) {
        List<Table.Column> columns = List.of(Table.integer("Seq"), new Table.Column("When (UTC)",
                Table.Format.DATE_TIME), Table.text("User"), Table.text("Source"), Table.text("Source ref"),
                Table.text("Action"), Table.text("Entity"), Table.text("Entity id"), Table.text("Field"),
                Table.text("Old value"), Table.text("New value"), Table.text("Reason"));
        return new Listing("Audit trail", columns, () -> stream(dataSource));
    }

    /**
     * The listing's lines of the audit record at the cursor: one, or for a record created or deleted one per field
     * ({@link RecordState}), each with the record's sequence number, time, user, source and reason.
     */
    private static List<List<Object>> lines(ResultSet rs) throws SQLException {
        List<Object> head = new ArrayList<>(8);
        head.add(rs.getLong(1));
        head.add(rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        for (int i = 3; i <= 8; i++) {
            head.add(text(rs.getString(i)));
        }
        String reason = text(rs.getString(12));
        List<List<Object>> lines = new ArrayList<>();
        for (FieldChange change : RecordState.changes(rs.getString(6), rs.getString(9), rs.getString(10),
                rs.getString(11))) {
            List<Object> line = new ArrayList<>(head);
            line.add(change.field());
            line.add(text(change.oldValue()));
            line.add(text(change.newValue()));
            line.add(reason);
            lines.add(line);
        }
        return lines;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Stream<List<Object>> stream(DataSource dataSource) {
        try {
            Connection c = dataSource.getConnection();
            PreparedStatement ps = c.prepareStatement(SQL);
            ps.setFetchSize(1000);
            ResultSet rs = ps.executeQuery();
            Spliterator<List<List<Object>>> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                    Spliterator.ORDERED | Spliterator.NONNULL) {
                @Override
                public boolean tryAdvance(Consumer<? super List<List<Object>>> action) {
                    try {
                        if (!rs.next()) {
                            return false;
                        }
                        action.accept(lines(rs));
                        return true;
                    } catch (SQLException e) {
                        throw new IllegalStateException("reading the audit trail", e);
                    }
                }
            };
            return StreamSupport.stream(rows, false).flatMap(List::stream).onClose(() -> {
                try (c; ps; rs) {
                    // closes the cursor, the statement and the connection
                } catch (SQLException e) {
                    throw new IllegalStateException("closing the audit trail cursor", e);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail", e);
        }
    }
}
