package org.stimtrial.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;

/**
 * The rows of several tables written together on the caller's connection and transaction, parents before children:
 * new rows inserted, and existing rows updated by key ({@link Part#update}, e.g. the audit chain's head moved or import
 * batches marked processed).
 *
 * <p>On PostgreSQL a small write (at most {@link #ONE_STATEMENT_ROWS} rows in all) is one statement: each part's rows
 * as an {@code INSERT ... SELECT * FROM unnest(arrays)} or an {@code UPDATE ... FROM unnest(arrays)} in a
 * data-modifying {@code WITH} clause, the last part as the main statement. Its text does not depend on the number of
 * rows, so it is planned once per connection; foreign keys between the tables are checked at the end of the statement,
 * so children may come with their parents. Each {@code COPY} costs about 0.4 ms however few its rows, so a laboratory
 * message's tables cost more by {@code COPY} than its rows do. A larger write goes part by part: {@code COPY} per table
 * of new rows, streamed ({@link BulkRows}), and one statement per table of updates. On other databases every part is
 * a JDBC batch.
 */
public final class BulkWrite {
    /** The most rows, over all parts, written as one statement; beyond, {@code COPY} costs less. */
    public static final int ONE_STATEMENT_ROWS = 1_000;

    /** One table's rows, new or updated. */
    public static final class Part {
        private final BulkRows table;
        private final List<Object[]> rows;
        private final boolean update;

        private Part(BulkRows table, List<Object[]> rows, boolean update) {
            this.table = Objects.requireNonNull(table);
            this.rows = List.copyOf(rows);
            this.update = update;
        }

        /** New rows of {@code table}. */
        public static Part insert(BulkRows table, List<Object[]> rows) {
            return new Part(table, rows, false);
        }

        /**
         * Rows of {@code table} that exist before the write, each changed to the values given, found by its first
         * column. All parts of a statement see the tables as they were before it (PostgreSQL's rule for
         * data-modifying {@code WITH} clauses), so an update may not change rows inserted by the same write.
         */
        public static Part update(BulkRows table, List<Object[]> rows) {
            return new Part(table, rows, true);
        }

        int size() {
            return rows.size();
        }
    }

    private BulkWrite() {
    }

    /** Writes every part's rows, in order. */
    public static void write(Connection connection, List<Part> parts) throws SQLException {
        if (!partByPart(connection, parts)) {
            oneStatement(connection, parts);
            return;
        }
        eachPart(connection, parts);
    }

    /**
     * Whether {@link #write} takes the parts one by one ({@code COPY} per table of new rows on PostgreSQL) rather
     * than in one statement.
     */
    public static boolean partByPart(Connection connection, List<Part> parts) throws SQLException {
        int rows = parts.stream().mapToInt(Part::size).sum();
        return rows == 0 || rows > ONE_STATEMENT_ROWS || !connection.isWrapperFor(PGConnection.class);
    }

    /** Writes the parts one by one, in order, whatever their number of rows. */
    public static void eachPart(Connection connection, List<Part> parts) throws SQLException {
        for (Part p : parts) {
            if (p.update) {
                p.table.update(connection, p.rows);
            } else {
                p.table.write(connection, p.rows);
            }
        }
    }

    private static void oneStatement(Connection connection, List<Part> parts) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String statement = part.update ? part.table.updateFromArrays() : part.table.insertFromArrays();
            if (i == parts.size() - 1) {
                sql.append(statement);
            } else {
                sql.append(i == 0 ? "WITH " : ", ").append('w').append(i).append(" AS (").append(statement)
                        .append(") ");
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Part part : parts) {
                p = part.table.bindArrays(connection, ps, p, part.rows);
            }
            ps.executeUpdate();
        }
    }
}
