package org.stimtrial.persistence;

import javax.sql.DataSource;

/** ePRO ODM import and export on in-memory H2 databases. */
class H2EproOdmTest extends EproOdmContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2("epro");
    }
}
