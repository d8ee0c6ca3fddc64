package org.stimtrial.persistence;

import javax.sql.DataSource;

/** The persistence contract on H2 2.x, the embedded default database. */
class H2PersistenceTest extends TrialPersistenceContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2("trial");
    }
}
