package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.stimtrial.shared.BulkRows;

/**
 * Rows written in bulk read back exactly: on PostgreSQL through binary COPY (150 rows, and a single row), on H2
 * through a batch of inserts; text with tabs, line breaks, backslashes, a literal {@code \N} and non-ASCII
 * letters, missing values, numbers (zero, below one, negative, many digits, whole, a negative scale) and times (before
 * and after 2000, with offsets, to the microsecond).
 */
class BulkRowsTest {
    private static final BulkRows TABLE = new BulkRows("bulk_probe", List.of("id", "txt", "num", "at"));
    private static final String[] TEXTS = {"plain", "tab\there", "two\nlines", "cr\r\nlf", "back\\slash", "\\N",
        "Zürich ñ 東京", ""};
    private static final BigDecimal[] NUMBERS = {new BigDecimal("0.00"), new BigDecimal("0.05"),
        new BigDecimal("-250.50"), new BigDecimal("12345678.90"), new BigDecimal("1840"), new BigDecimal("1E+3"),
        new BigDecimal("0.10"), new BigDecimal("10000.01"), new BigDecimal("-0.01")};
    private static final OffsetDateTime[] TIMES = {OffsetDateTime.parse("2026-11-22T10:15:30.123456Z"),
        OffsetDateTime.parse("1999-12-31T23:59:59.999999-08:00"), OffsetDateTime.parse("1970-01-01T00:00:00Z"),
        OffsetDateTime.parse("2000-01-01T00:00:00.000001+05:30")};

    private static List<Object[]> rows(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object text = i % 9 == 8 ? new BulkRows.Null(Types.VARCHAR) : TEXTS[i % TEXTS.length] + i;
            Object number = i % 4 == 3 ? new BulkRows.Null(Types.NUMERIC)
                    : i % 2 == 0 ? new BigDecimal(i + ".25") : NUMBERS[(i / 2) % NUMBERS.length];
            rows.add(new Object[] {(long) i, text, number, TIMES[i % TIMES.length].plusSeconds(i)});
        }
        return rows;
    }

    private static void roundTrip(DataSource ds, int count) throws Exception {
        List<Object[]> rows = rows(count);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bulk_probe");
            s.execute("CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, txt VARCHAR, num NUMERIC(10, 2),"
                    + " at TIMESTAMP(6) WITH TIME ZONE)");
            c.setAutoCommit(false);
            TABLE.write(c, rows);
            c.commit();
            try (ResultSet rs = s.executeQuery("SELECT id, txt, num, at FROM bulk_probe ORDER BY id")) {
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
    }
}
