package org.stimtrial.shared;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Many rows of one table written in one go on the caller's connection and transaction: on PostgreSQL with
 * {@code COPY ... FROM STDIN} in the binary format ({@link PgBinaryRows}: PostgreSQL does not parse text, which made
 * about a third of its work on the audit trail's rows), streamed while the rows are encoded, whatever their number;
 * on other databases as one JDBC batch of inserts. Existing rows can be updated by key in bulk too ({@link #update}).
 * A value is a {@link Long} ({@code BIGINT}), {@link Integer} ({@code INTEGER}), {@link String}, {@link BigDecimal},
 * {@link OffsetDateTime}, {@code byte[]} ({@code BYTEA}) or a {@link Null} naming its column's SQL type.
 */
public final class BulkRows {
    private static final int BUFFER = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX", Locale.ROOT);

    private final String table;
    private final List<String> columns;
    /** The statements' texts, made once: they are the same for every write of this table. */
    private final String insertFromArrays;
    private final String updateFromArrays;
    private final String insertRow;
    private final String updateRow;

    /**
     * A table and the columns written, each as its name and PostgreSQL type ({@code "id bigint"}); the types are
     * those of the arrays that {@link #insertFromArrays} unnests.
     */
    public BulkRows(String table, List<String> columns) {
        this.table = Objects.requireNonNull(table);
        List<String> names = new ArrayList<>();
        List<String> sqlTypes = new ArrayList<>();
        for (String c : columns) {
            String[] parts = c.strip().split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException("column '" + c + "' of " + table + " needs its type");
            }
            names.add(parts[0]);
            sqlTypes.add(parts[1]);
        }
        this.columns = List.copyOf(names);
        String arrays = sqlTypes.stream().map(t -> "?::" + t + "[]").collect(Collectors.joining(", ",
                "unnest(", ")"));
        String list = String.join(", ", names);
        String key = names.get(0);
        List<String> others = names.subList(1, names.size());
        this.insertFromArrays = "INSERT INTO " + table + " (" + list + ") SELECT * FROM " + arrays;
        this.updateFromArrays = "UPDATE " + table + " AS t SET " + others.stream().map(c -> c + " = v." + c)
                .collect(Collectors.joining(", ")) + " FROM " + arrays + " AS v(" + list + ") WHERE t." + key
                + " = v." + key;
        this.insertRow = "INSERT INTO " + table + " (" + list + ") VALUES ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
        this.updateRow = "UPDATE " + table + " SET " + others.stream().map(c -> c + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE " + key + " = ?";
    }

    /**
     * An {@code INSERT} of the rows given as one array per column ({@link #bindArrays}): the statement's text is the
     * same whatever the number of rows, so PostgreSQL plans it once per connection.
     */
    String insertFromArrays() {
        return insertFromArrays;
    }

    /**
     * An {@code UPDATE} of existing rows given as one array per column ({@link #bindArrays}), keyed by the first
     * column: each row sets the other columns of the row whose key it holds. Its text, too, is the same whatever the
     * number of rows.
     */
    String updateFromArrays() {
        return updateFromArrays;
    }

    /** Binds the rows as one text array per column from parameter {@code first}; returns the next parameter. */
    int bindArrays(Connection connection, PreparedStatement ps, int first, List<Object[]> rows) throws SQLException {
        check(rows);
        int p = first;
        for (int column = 0; column < columns.size(); column++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = text(rows.get(r)[column]);
            }
            ps.setArray(p++, connection.createArrayOf("text", values));
        }
        return p;
    }

    private static String text(Object value) {
        if (value instanceof Null) {
            return null;
        } else if (value instanceof Long || value instanceof Integer || value instanceof String) {
            return value.toString();
        } else if (value instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (value instanceof OffsetDateTime t) {
            return TIMESTAMP.format(t);
        } else if (value instanceof byte[] b) {
            return "\\x" + HEX.formatHex(b);
        }
        throw new IllegalArgumentException("no bulk form for " + value);
    }

    private void check(List<Object[]> rows) {
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(table + " has " + columns.size() + " columns; a row has "
                        + row.length + " values");
            }
        }
    }

    /** A missing value and the SQL type ({@link java.sql.Types}) of its column. */
    public record Null(int sqlType) {
    }

    /** Writes the rows: {@code COPY} on PostgreSQL, a JDBC batch of inserts elsewhere. */
    public void write(Connection connection, List<Object[]> rows) throws SQLException {
        stream(connection, rows).end();
    }

    /**
     * Sends the rows and leaves the statement to PostgreSQL: its {@code COPY} has every row and is flushed, and goes
     * on while the caller does other work; {@link Streaming#end()} waits for its end and reports its failure. The
     * connection can run nothing else until then. On other databases the rows are written before this returns.
     */
    public Streaming stream(Connection connection, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Streaming.DONE;
        }
        check(rows);
        if (!connection.isWrapperFor(PGConnection.class)) {
            insert(connection, rows);
            return Streaming.DONE;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " ("
                + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
        Streaming streaming = new Streaming(copy);
        try {
            PgBinaryRows data = new PgBinaryRows();
            for (Object[] row : rows) {
                data.row(row);
                if (data.size() >= BUFFER) {
                    send(copy, data);
                }
            }
            data.end();
            send(copy, data);
            copy.flushCopy();
            return streaming;
        } catch (SQLException | RuntimeException e) {
            streaming.cancel();
            throw e;
        }
    }

    /** A {@code COPY} whose rows are all sent ({@link #stream}), still running on the server. */
    public static final class Streaming {
        static final Streaming DONE = new Streaming(null);
        private final CopyIn copy;

        private Streaming(CopyIn copy) {
            this.copy = copy;
        }

        /** Waits for the statement's end; throws its failure. */
        public void end() throws SQLException {
            if (copy != null && copy.isActive()) {
                try {
                    copy.endCopy();
                } finally {
                    cancel();
                }
            }
        }

        /** Abandons the statement, if it still runs, so that the connection can roll back. */
        public void cancel() throws SQLException {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, PgBinaryRows data) throws SQLException {
        copy.writeToCopy(data.bytes(), 0, data.size());
        data.clear();
    }

    private void insert(Connection connection, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(insertRow)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    set(ps, i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Updates existing rows keyed by the first column ({@link #updateFromArrays}): on PostgreSQL in one statement, on
     * other databases as one JDBC batch of updates.
     */
    public void update(Connection connection, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        check(rows);
        if (connection.isWrapperFor(PGConnection.class)) {
            try (PreparedStatement ps = connection.prepareStatement(updateFromArrays())) {
                bindArrays(connection, ps, 1, rows);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(updateRow)) {
            for (Object[] row : rows) {
                for (int i = 1; i < row.length; i++) {
                    set(ps, i, row[i]);
                }
                set(ps, row.length, row[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Binds one value of the kinds above as parameter {@code index}. */
    private static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Null n) {
            ps.setNull(index, n.sqlType());
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof OffsetDateTime t) {
            ps.setObject(index, t);
        } else if (value instanceof byte[] b) {
            ps.setBytes(index, b);
        } else {
            throw new IllegalArgumentException("no bulk form for " + value);
        }
    }
}
