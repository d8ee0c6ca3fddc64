package org.stimtrial.persistence;

import javax.sql.DataSource;

/** Laboratory results on an in-memory H2 database. */
class H2LabResultsTest extends LabResultsContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2("lab");
    }
}
