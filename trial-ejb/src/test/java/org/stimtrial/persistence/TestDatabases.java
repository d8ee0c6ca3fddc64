package org.stimtrial.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases the contracts run on: a fresh in-memory H2, and a fresh database on one embedded PostgreSQL server
 * per test JVM, listening on 127.0.0.1 only and stopped when the JVM exits.
 */
final class TestDatabases {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    static DataSource h2(String prefix) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /** A new, empty PostgreSQL database named after {@code prefix}. */
    static DataSource postgres(String prefix) throws IOException, SQLException {
        EmbeddedPostgres pg = server();
        String name = prefix.toLowerCase(java.util.Locale.ROOT) + "_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return pg.getDatabase("postgres", name);
    }

    /** Starts the server once (the first start unpacks the binaries, hence the long wait). */
    private static synchronized EmbeddedPostgres server() throws IOException {
        if (server == null) {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "embedded-postgres-stop"));
            server = started;
        }
        return server;
    }
}
