package org.stimtrial.persistence;

import javax.sql.DataSource;

/** The persistence contract on a real PostgreSQL server (embedded binaries, listening on 127.0.0.1 only). */
class PostgresPersistenceTest extends TrialPersistenceContract {
    @Override
    DataSource dataSource() throws Exception {
        return TestDatabases.postgres("Persistence");
    }
}
