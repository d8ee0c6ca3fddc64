package org.stimtrial.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * The rows of several tables written together on the caller's connection and transaction, parents before children,
 * optionally followed by one more statement ({@link Then}, e.g. moving the audit chain's head).
 *
 * <p>On PostgreSQL a small write (at most {@link #ONE_STATEMENT_ROWS} rows in all) is one statement: each table's
 * rows as an {@code INSERT ... SELECT * FROM unnest(arrays)} in a data-modifying {@code WITH} clause, the last table
 * (or the following statement) as the main statement. Its text does not depend on the number of rows, so it is planned
 * once per connection; foreign keys between the tables are checked at the end of the statement, so children may come
 * with their parents. Each {@code COPY} costs about 0.4 ms however few its rows, so a laboratory message's four
 * tables cost more by {@code COPY} than its rows do. A larger write goes by {@link BulkRows}: {@code COPY} per table,
 * streamed. On other databases every table is a JDBC batch of inserts.
 */
public final class BulkWrite {
    /** The most rows, over all tables, written as one statement; beyond, {@code COPY} costs less. */
    public static final int ONE_STATEMENT_ROWS = 1_000;

    /** One table's rows. */
    public record Part(BulkRows table, List<Object[]> rows) {
        public Part {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A statement run after the rows are written, with its parameters (values of the kinds {@link BulkRows} takes). On
     * PostgreSQL it is part of the same statement when the write is small, so it sees the tables as they were before
     * the write: it may change rows written before (the audit chain's head), not the rows being written.
     */
    public record Then(String sql, List<Object> parameters) {
        public Then {
            parameters = List.copyOf(parameters);
        }
    }

    private BulkWrite() {
    }

    /** Writes every part's rows in order, then runs {@code then}, if any. */
    public static void write(Connection connection, List<Part> parts, Optional<Then> then) throws SQLException {
        int rows = parts.stream().mapToInt(p -> p.rows().size()).sum();
        if (rows > 0 && rows <= ONE_STATEMENT_ROWS && connection.isWrapperFor(PGConnection.class)) {
            oneStatement(connection, parts, then);
            return;
        }
        for (Part p : parts) {
            p.table().write(connection, p.rows());
        }
        if (then.isPresent()) {
            try (PreparedStatement ps = connection.prepareStatement(then.get().sql())) {
                bind(ps, 1, then.get().parameters());
                ps.executeUpdate();
            }
        }
    }

    private static void oneStatement(Connection connection, List<Part> parts, Optional<Then> then)
            throws SQLException {
        List<String> statements = new ArrayList<>();
        parts.forEach(p -> statements.add(p.table().insertFromArrays()));
        then.ifPresent(t -> statements.add(t.sql()));
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < statements.size() - 1; i++) {
            sql.append(i == 0 ? "WITH " : ", ").append("w").append(i).append(" AS (").append(statements.get(i))
                    .append(") ");
        }
        sql.append(statements.get(statements.size() - 1));
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Part part : parts) {
                p = part.table().bindArrays(connection, ps, p, part.rows());
            }
            if (then.isPresent()) {
                bind(ps, p, then.get().parameters());
            }
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, int first, List<Object> parameters) throws SQLException {
        int p = first;
        for (Object value : parameters) {
            BulkRows.set(ps, p++, value);
        }
    }
}
