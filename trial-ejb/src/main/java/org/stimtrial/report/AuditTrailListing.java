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

    private static Stream<List<Object>> stream(DataSource dataSource) {
        try {
            Connection c = dataSource.getConnection();
            PreparedStatement ps = c.prepareStatement(SQL);
            ps.setFetchSize(1000);
            ResultSet rs = ps.executeQuery();
            Spliterator<List<Object>> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                    Spliterator.ORDERED | Spliterator.NONNULL) {
                @Override
                public boolean tryAdvance(Consumer<? super List<Object>> action) {
                    try {
                        if (!rs.next()) {
                            return false;
                        }
                        List<Object> row = new ArrayList<>(12);
                        row.add(rs.getLong(1));
                        row.add(rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                                .toLocalDateTime());
                        for (int i = 3; i <= 12; i++) {
                            String v = rs.getString(i);
                            row.add(v == null ? "" : v);
                        }
                        action.accept(row);
                        return true;
                    } catch (SQLException e) {
                        throw new IllegalStateException("reading the audit trail", e);
                    }
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> {
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
