package org.stimtrial.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/** The persistence contract on a real PostgreSQL server (embedded binaries, listening on 127.0.0.1 only). */
class PostgresPersistenceTest extends TrialPersistenceContract {
    private EmbeddedPostgres postgres;

    @Override
    DataSource dataSource() throws IOException {
        postgres = TestDatabases.postgres();
        return postgres.getPostgresDatabase();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
