package org.stimtrial.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Where PostgreSQL's time went during a measured part, statement by statement, from its {@code pg_stat_statements}
 * extension (shipped with the embedded binaries): the statements that took the most execution time, with their calls,
 * rows and time per call, the write-ahead log's records, bytes and full-page images ({@code pg_stat_wal}) and its
 * writes and flushes ({@code pg_stat_io}, where PostgreSQL 18 counts them), the log by the table or index its records
 * change ({@code pg_walinspect}; the server keeps the log's segments meanwhile), and the rows updated per table, with
 * those updated in place on their page ({@code pg_stat_user_tables}). Every process's log is counted, autovacuum's
 * too. Switched on with
 * {@code -Dbenchmark.pg.statements=true}, since keeping the statistics costs PostgreSQL a little time of its own.
 */
final class PgStatements {
    /** The system property that switches the statistics on. */
    static final String PROPERTY = "benchmark.pg.statements";
    private static final int SHOWN = 15;
    private static final int SQL_SHOWN = 110;
    /** The statements counted: the application's, not the benchmark's own checkpoints and statistics queries. */
    private static final String APPLICATIONS = "query <> 'CHECKPOINT' AND query NOT LIKE '%pg_stat%'";

    private final DataSource dataSource;
    /** Where the write-ahead log ended at the last {@link #reset()}. */
    private String walStart = "0/0";

    private PgStatements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static boolean wanted() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The statistics of a server started with the extension preloaded; creates the extension. */
    static PgStatements on(DataSource dataSource) {
        PgStatements statements = new PgStatements(dataSource);
        statements.run("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        statements.run("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
        return statements;
    }

    /** Forgets what was counted so far, at the start of a measured part. */
    void reset() {
        run("SELECT pg_stat_statements_reset()");
        run("SELECT pg_stat_reset_shared('wal')");
        run("SELECT pg_stat_reset_shared('io')");
        run("SELECT pg_stat_reset()");
        walStart = text("SELECT pg_current_wal_insert_lsn()::text");
    }

    /** The statements that took the most time since {@link #reset()}, per unit of work ({@code per} units). */
    String report(String unit, long per) {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            double total;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(total_exec_time), 0), COALESCE(SUM(calls), 0)"
                    + " FROM pg_stat_statements WHERE " + APPLICATIONS)) {
                rs.next();
                total = rs.getDouble(1);
                lines.add(String.format(Locale.ROOT, "PostgreSQL statements: %.0f ms executing in %d calls, %.3f ms"
                        + " per %s", total, rs.getLong(2), total / per, unit));
            }
            try (ResultSet rs = s.executeQuery("SELECT calls, rows, total_exec_time, query FROM pg_stat_statements"
                    + " WHERE " + APPLICATIONS + " ORDER BY total_exec_time DESC LIMIT " + SHOWN)) {
                while (rs.next()) {
                    long calls = rs.getLong(1);
                    double ms = rs.getDouble(3);
                    lines.add(String.format(Locale.ROOT, "  %5.1f%% %8.1f ms %7d calls %8.3f ms/call %8d rows  %s",
                            total == 0 ? 0 : 100 * ms / total, ms, calls, calls == 0 ? 0 : ms / calls, rs.getLong(2),
                            shortened(rs.getString(4))));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT w.wal_records, w.wal_bytes, w.wal_fpi, io.writes, io.fsyncs"
                    + " FROM pg_stat_wal w, (SELECT COALESCE(SUM(writes), 0) AS writes, COALESCE(SUM(fsyncs), 0)"
                    + " AS fsyncs FROM pg_stat_io WHERE object = 'wal' AND context = 'normal') io")) {
                rs.next();
                lines.add(String.format(Locale.ROOT, "PostgreSQL write-ahead log: %.1f records, %.0f bytes and %.2f"
                        + " full-page images per %s; %d writes, %d flushes (%.3f per %s)", rs.getDouble(1) / per,
                        rs.getDouble(2) / per, rs.getDouble(3) / per, unit, rs.getLong(4), rs.getLong(5),
                        rs.getDouble(5) / per, unit));
            }
            lines.addAll(walByRelation(s, unit, per));
            List<String> updates = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT relname, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables"
                    + " WHERE n_tup_upd > 0 ORDER BY n_tup_upd DESC")) {
                while (rs.next()) {
                    updates.add(String.format(Locale.ROOT, "%s %d (%d in place)", rs.getString(1), rs.getLong(2),
                            rs.getLong(3)));
                }
            }
            lines.add("PostgreSQL rows updated (as far as the statistics collector has counted them): "
                    + (updates.isEmpty() ? "none" : String.join(", ", updates)));
        } catch (SQLException e) {
            return "PostgreSQL statements: not available (" + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * The write-ahead log since {@link #reset()} by the table or index its records change ({@code pg_walinspect}'s
     * block references): records, bytes of the records naming it and of their full-page images, per unit.
     */
    private List<String> walByRelation(Statement s, String unit, long per) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add("PostgreSQL write-ahead log by relation, per " + unit + " (records, record bytes, full-page image"
                + " bytes):");
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(pg_filenode_relation(CASE WHEN b.reltablespace ="
                + " (SELECT oid FROM pg_tablespace WHERE spcname = 'pg_default') THEN 0 ELSE b.reltablespace END,"
                + " b.relfilenode)::regclass::text, b.relfilenode::text) AS relation, COUNT(*),"
                + " SUM(b.main_data_length + b.block_data_length), SUM(COALESCE(b.block_fpi_length, 0))"
                + " FROM pg_get_wal_block_info('" + walStart + "', pg_current_wal_insert_lsn()) b"
                + " GROUP BY 1 ORDER BY SUM(b.main_data_length + b.block_data_length"
                + " + COALESCE(b.block_fpi_length, 0)) DESC LIMIT " + SHOWN)) {
            while (rs.next()) {
                lines.add(String.format(Locale.ROOT, "  %-40s %8.2f %9.1f %9.1f", rs.getString(1),
                        rs.getDouble(2) / per, rs.getDouble(3) / per, rs.getDouble(4) / per));
            }
        }
        return lines;
    }

    private String text(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String shortened(String sql) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() <= SQL_SHOWN ? one : one.substring(0, SQL_SHOWN) + "...";
    }

    private void run(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
