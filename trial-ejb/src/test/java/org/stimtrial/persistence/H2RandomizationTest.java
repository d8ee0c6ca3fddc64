package org.stimtrial.persistence;

import javax.sql.DataSource;

/** Randomization on H2 2.x, the embedded default database. */
class H2RandomizationTest extends RandomizationContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2("rand");
    }
}
