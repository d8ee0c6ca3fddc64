package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.stimtrial.shared.BulkRows;
import org.stimtrial.shared.BulkWrite;

/**
 * Rows written in bulk read back exactly: on PostgreSQL through binary COPY (150 rows, and a single row) and through
 * {@link BulkWrite}'s single statement of arrays (with a child table whose rows come in the same statement, and rows
 * of a third table updated by key) or its COPY beyond {@link BulkWrite#ONE_STATEMENT_ROWS}; on H2 through batches of
 * inserts and updates; text with tabs, line breaks, backslashes, a literal {@code \N}, {@code NULL}, quotes,
 * braces, commas and non-ASCII letters, missing values, numbers (zero, below one, negative, many digits, whole, a
 * negative scale), times (before and after 2000, with offsets, to the microsecond) and bytes (none, zero, high bit
 * set, text that looks escaped).
 */
class BulkRowsTest {
    private static final BulkRows TABLE = new BulkRows("bulk_probe", List.of("id bigint", "txt varchar",
            "num numeric", "at timestamptz", "bin bytea"));
    private static final BulkRows CHILD = new BulkRows("bulk_child", List.of("id bigint", "probe_id bigint"));
    private static final BulkRows HEAD = new BulkRows("bulk_head", List.of("id int", "n bigint", "last varchar"));
    private static final String[] TEXTS = {"plain", "tab\there", "two\nlines", "cr\r\nlf", "back\\slash", "\\N",
        "Zürich ñ 東京", "", "NULL", "\"quoted\", {braces}, commas", "MSH|^~\\&|LAB"};
    private static final BigDecimal[] NUMBERS = {new BigDecimal("0.00"), new BigDecimal("0.05"),
        new BigDecimal("-250.50"), new BigDecimal("12345678.90"), new BigDecimal("1840"), new BigDecimal("1E+3"),
        new BigDecimal("0.10"), new BigDecimal("10000.01"), new BigDecimal("-0.01")};
    private static final OffsetDateTime[] TIMES = {OffsetDateTime.parse("2026-11-22T10:15:30.123456Z"),
        OffsetDateTime.parse("1999-12-31T23:59:59.999999-08:00"), OffsetDateTime.parse("1970-01-01T00:00:00Z"),
        OffsetDateTime.parse("2000-01-01T00:00:00.000001+05:30")};
    private static final byte[][] BYTES = {new byte[0], {0}, {(byte) 0xff, 0, (byte) 0x80, 0x7f},
        "\\x41 \\N {}\",\r\n".getBytes(StandardCharsets.UTF_8),
        "MSH|^~\\&|LAB|Zürich".getBytes(StandardCharsets.UTF_8)};

    private static List<Object[]> rows(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object text = i % 9 == 8 ? new BulkRows.Null(Types.VARCHAR) : TEXTS[i % TEXTS.length] + i;
            Object number = i % 4 == 3 ? new BulkRows.Null(Types.NUMERIC)
                    : i % 2 == 0 ? new BigDecimal(i + ".25") : NUMBERS[(i / 2) % NUMBERS.length];
            Object bytes = i % 7 == 6 ? new BulkRows.Null(Types.BINARY) : BYTES[i % BYTES.length];
            rows.add(new Object[] {(long) i, text, number, TIMES[i % TIMES.length].plusSeconds(i), bytes});
        }
        return rows;
    }

    /** Writes rows to the probe table on a connection in a transaction. */
    @FunctionalInterface
    private interface Writer {
        void write(Connection c, List<Object[]> rows) throws SQLException;
    }

    private static void roundTrip(DataSource ds, int count) throws Exception {
        roundTrip(ds, count, TABLE::write);
    }

    private static void createTables(Statement s) throws SQLException {
        s.execute("DROP TABLE IF EXISTS bulk_child");
        s.execute("DROP TABLE IF EXISTS bulk_head");
        s.execute("CREATE TABLE bulk_head (id INTEGER PRIMARY KEY, n BIGINT NOT NULL, last VARCHAR NOT NULL)");
        s.execute("DROP TABLE IF EXISTS bulk_probe");
        s.execute("CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, txt VARCHAR, num NUMERIC(10, 2),"
                + " at TIMESTAMP(6) WITH TIME ZONE, bin BYTEA)");
        s.execute("CREATE TABLE bulk_child (id BIGINT PRIMARY KEY,"
                + " probe_id BIGINT NOT NULL REFERENCES bulk_probe(id))");
    }

    private static void roundTrip(DataSource ds, int count, Writer writer) throws Exception {
        List<Object[]> rows = rows(count);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            createTables(s);
            c.setAutoCommit(false);
            writer.write(c, rows);
            c.commit();
            try (ResultSet rs = s.executeQuery("SELECT id, txt, num, at, bin FROM bulk_probe ORDER BY id")) {
                int n = 0;
                while (rs.next()) {
                    Object[] expected = rows.get(n++);
                    assertEquals(expected[0], rs.getLong(1));
                    assertEquals(expected[1] instanceof String t ? t : null, rs.getString(2), "row " + n);
                    BigDecimal number = rs.getBigDecimal(3);
                    if (expected[2] instanceof BigDecimal d) {
                        assertEquals(0, d.compareTo(number), "row " + n + ": " + d + " read back as " + number);
                        assertEquals(2, number.scale(), "row " + n + ": the column's scale");
                    } else {
                        assertEquals(null, number, "row " + n);
                    }
                    assertEquals(((OffsetDateTime) expected[3]).toInstant(),
                            rs.getObject(4, OffsetDateTime.class).toInstant());
                    assertArrayEquals(expected[4] instanceof byte[] b ? b : null, rs.getBytes(5), "row " + n);
                }
                assertEquals(count, n);
            }
        }
    }

    @Test
    void postgresCopyReadsBackExactly() throws Exception {
        DataSource pg = TestDatabases.postgres("bulk");
        roundTrip(pg, 150);
        roundTrip(pg, 1);
    }

    @Test
    void h2InsertsReadBackExactly() throws Exception {
        roundTrip(TestDatabases.h2("bulk"), 150);
        roundTrip(TestDatabases.h2("bulk"), 150, BulkRowsTest::together);
    }

    /**
     * Through {@link BulkWrite}: the probe rows, then as many children, then two of three rows written before updated
     * by their keys (as the audit chain's head is moved and import batches are marked processed).
     */
    private static void together(Connection c, List<Object[]> rows) throws SQLException {
        List<Object[]> children = rows.stream().map(r -> new Object[] {(Long) r[0] + 1_000_000, r[0]}).toList();
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO bulk_head VALUES (1, 0, 'none'), (2, 0, 'none'), (3, 0, 'none')");
        }
        BulkWrite.write(c, List.of(BulkWrite.Part.insert(TABLE, rows), BulkWrite.Part.insert(CHILD, children),
                BulkWrite.Part.update(HEAD, List.of(new Object[] {3, (long) rows.size(), "moved"},
                        new Object[] {1, -1L, "moved, with a quote ' and {braces}"}))));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM"
                + " bulk_child), id, n, last FROM bulk_head ORDER BY id")) {
            List<String> heads = new ArrayList<>();
            while (rs.next()) {
                assertEquals(rows.size(), rs.getLong(1));
                heads.add(rs.getInt(2) + " " + rs.getLong(3) + " " + rs.getString(4));
            }
            assertEquals(List.of("1 -1 moved, with a quote ' and {braces}", "2 0 none", "3 " + rows.size() + " moved"),
                    heads);
        }
    }

    @Test
    void postgresSmallWritesAreOneStatementAndLargeOnesCopyAndBothReadBackExactly() throws Exception {
        DataSource pg = TestDatabases.postgres("bulk");
        roundTrip(pg, 1, BulkRowsTest::together);
        roundTrip(pg, 150, BulkRowsTest::together);
        roundTrip(pg, BulkWrite.ONE_STATEMENT_ROWS, BulkRowsTest::together);
    }

    /**
     * A streamed {@code COPY} ({@link BulkRows#stream}) has written its rows once it has ended; one that fails (a key
     * already written) throws when it ends, or as it is sent if the server has refused it by then; one abandoned
     * leaves the connection free to roll back, and to write again.
     */
    @Test
    void aStreamedCopyEndsLaterAndThrowsItsFailureThenAndAnAbandonedOneLeavesTheConnectionFree() throws Exception {
        DataSource pg = TestDatabases.postgres("bulk");
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            createTables(s);
            c.setAutoCommit(false);
            BulkRows.Streaming copy = TABLE.stream(c, rows(3_000));
            copy.end();
            assertEquals(3_000, count(s));
            copy.end();
            assertThrows(SQLException.class, () -> TABLE.stream(c, rows(2)).end());
            c.rollback();
            assertEquals(0, count(s));
            TABLE.stream(c, rows(10)).cancel();
            c.rollback();
            assertEquals(0, count(s));
            TABLE.write(c, rows(10));
            c.commit();
            assertEquals(10, count(s));
        }
    }

    private static long count(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bulk_probe")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aChildWithoutItsParentFailsTheWholeStatementAndWritesNothing() throws Exception {
        DataSource pg = TestDatabases.postgres("bulk");
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            createTables(s);
            c.setAutoCommit(false);
            List<Object[]> rows = rows(3);
            List<Object[]> orphan = List.<Object[]>of(new Object[] {7L, 99L});
            assertThrows(SQLException.class, () -> BulkWrite.write(c, List.of(BulkWrite.Part.insert(TABLE, rows),
                    BulkWrite.Part.insert(CHILD, orphan))));
            c.rollback();
            assertEquals(0, count(s));
        }
    }
}
