package org.stimtrial.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.stimtrial.platform.Migrations;

/**
 * A PostgreSQL server for a benchmark run (embedded binaries, 127.0.0.1 only), migrated, with the application's
 * persistence unit in resource-local mode: one entity manager per worker thread, one transaction per call, connections
 * from EclipseLink's own pool (as the application's come from the server's pool; a connection opened per statement
 * would measure PostgreSQL's connection start-up instead of the import).
 *
 * <p>The server is durable as in production: the embedded binaries start with {@code fsync} and
 * {@code synchronous_commit} off, which would make an acknowledgement mean less than "on disk", so both are switched
 * on. Autovacuum wakes every second instead of every minute, so that tables filled from empty within a run of
 * seconds get the statistics (and re-planned statements) that a server running for weeks has.
 */
final class BenchmarkDatabase implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> perThread;
    private final Optional<PgStatements> statements;

    BenchmarkDatabase() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("autovacuum_naptime", "1");
        for (String setting : System.getProperty("benchmark.pg.config", "").split(",")) {
            if (!setting.isBlank()) {
                String[] kv = setting.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("benchmark.pg.config: '" + setting.strip()
                            + "' is not name=value (settings are separated by commas)");
                }
                builder.setServerConfig(kv[0].strip(), kv[1].strip());
            }
        }
        if (PgStatements.wanted()) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("track_wal_io_timing", "on").setServerConfig("wal_keep_size", "8GB");
        }
        server = builder.start();
        dataSource = server.getPostgresDatabase();
        Migrations.migrate(dataSource);
        statements = PgStatements.wanted() ? Optional.of(PgStatements.on(dataSource)) : Optional.empty();
        emf = Persistence.createEntityManagerFactory("trial", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url",
                server.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
                "jakarta.persistence.jdbc.user", "postgres",
                "eclipselink.connection-pool.default.min", "16",
                "eclipselink.connection-pool.default.max", "32",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "WARNING"));
        perThread = ThreadLocal.withInitial(emf::createEntityManager);
    }

    /** PostgreSQL's statement statistics, when {@link PgStatements#PROPERTY} asks for them. */
    Optional<PgStatements> statements() {
        return statements;
    }

    /** This thread's entity manager (cleared after every transaction, as a container's would be). */
    EntityManager em() {
        return perThread.get();
    }

    <T> T tx(Supplier<T> work) {
        EntityManager em = em();
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.clear();
        }
    }

    long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes PostgreSQL write a checkpoint now, as a server running for weeks does every few minutes; the write-ahead
     * log's segments written so far are then kept for reuse, instead of each new segment being created and filled
     * with zeros by the connection that needs it (9% of the importing connection's work on a fresh server, perf,
     * 2026-11-23).
     */
    void checkpoint() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("CHECKPOINT: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        emf.close();
        server.close();
    }
}
