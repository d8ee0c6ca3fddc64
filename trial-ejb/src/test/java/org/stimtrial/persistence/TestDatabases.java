package org.stimtrial.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The databases the contracts run on: a fresh in-memory H2, and an embedded PostgreSQL on 127.0.0.1 only. */
final class TestDatabases {
    private TestDatabases() {
    }

    static DataSource h2(String prefix) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /** Starts a PostgreSQL server (the first start unpacks the binaries, hence the long wait); the caller closes it. */
    static EmbeddedPostgres postgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }
}
