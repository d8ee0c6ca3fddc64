package org.stimtrial.persistence;

import javax.sql.DataSource;

/** The import pipeline on an in-memory H2 database. */
class H2ImportTest extends ImportContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2("imports");
    }
}
