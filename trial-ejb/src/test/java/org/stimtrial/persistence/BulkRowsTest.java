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
 * Rows written in bulk read back exactly: on PostgreSQL through COPY (150 rows, and a single row), on H2 through a
 * batch of inserts; text with tabs, line breaks, backslashes, a literal {@code \N} and non-ASCII
 * letters, missing values, numbers and times.
 */
class BulkRowsTest {
    private static final BulkRows TABLE = new BulkRows("bulk_probe", List.of("id", "txt", "num", "at"));
    private static final String[] TEXTS = {"plain", "tab\there", "two\nlines", "cr\r\nlf", "back\\slash", "\\N",
        "Zürich ñ 東京", ""};

    private static List<Object[]> rows(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object text = i % 9 == 8 ? new BulkRows.Null(Types.VARCHAR) : TEXTS[i % TEXTS.length] + i;
            Object number = i % 4 == 3 ? new BulkRows.Null(Types.NUMERIC) : new BigDecimal(i + ".25");
            rows.add(new Object[] {(long) i, text, number,
                OffsetDateTime.parse("2026-11-22T10:15:30.123456Z").plusSeconds(i)});
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
                    assertEquals(expected[2] instanceof BigDecimal d ? d : null, rs.getBigDecimal(3), "row " + n);
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
