package org.stimtrial.persistence;

import javax.sql.DataSource;

/** Randomization on a real PostgreSQL server (embedded binaries, listening on 127.0.0.1 only). */
class PostgresRandomizationTest extends RandomizationContract {
    @Override
    DataSource dataSource() throws Exception {
        return TestDatabases.postgres("Randomization");
    }
}
