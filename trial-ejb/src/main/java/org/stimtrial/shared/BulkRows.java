package org.stimtrial.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Many rows of one table written in one go on the caller's connection and transaction: on PostgreSQL with
 * {@code COPY ... FROM STDIN} (text format, streamed while the rows are formatted), whatever their number (one
 * statement, where a batch of inserts is split into several), on other databases as one JDBC batch of inserts. A value is a {@link Long}, {@link Integer}, {@link String},
 * {@link BigDecimal}, {@link OffsetDateTime} or a {@link Null} naming its column's SQL type.
 */
public final class BulkRows {
    private static final int BUFFER = 64 * 1024;

    private final String table;
    private final List<String> columns;

    public BulkRows(String table, List<String> columns) {
        this.table = Objects.requireNonNull(table);
        this.columns = List.copyOf(columns);
    }

    /** A missing value and the SQL type ({@link java.sql.Types}) of its column. */
    public record Null(int sqlType) {
    }

    public void write(Connection connection, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(table + " has " + columns.size() + " columns; a row has "
                        + row.length + " values");
            }
        }
        if (connection.isWrapperFor(PGConnection.class)) {
            copy(connection.unwrap(PGConnection.class), rows);
        } else {
            insert(connection, rows);
        }
    }

    private void copy(PGConnection connection, List<Object[]> rows) throws SQLException {
        CopyIn copy = connection.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns)
                + ") FROM STDIN");
        try {
            StringBuilder text = new StringBuilder(BUFFER + 4096);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    appendCopyValue(text, row[i]);
                }
                text.append('\n');
                if (text.length() >= BUFFER) {
                    send(copy, text);
                }
            }
            send(copy, text);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    private static void appendCopyValue(StringBuilder text, Object value) {
        if (value instanceof Null) {
            text.append("\\N");
        } else if (value instanceof OffsetDateTime t) {
            text.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> text.append(c);
                }
            }
        } else if (value instanceof Long || value instanceof Integer) {
            text.append(value);
        } else {
            throw new IllegalArgumentException("no bulk form for " + value);
        }
    }

    private void insert(Connection connection, List<Object[]> rows) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    set(ps, i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

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
        } else {
            throw new IllegalArgumentException("no bulk form for " + value);
        }
    }
}
