package org.stimtrial.persistence;

import javax.sql.DataSource;

/** ePRO ODM import and export on a real PostgreSQL server (embedded binaries, 127.0.0.1 only). */
class PostgresEproOdmTest extends EproOdmContract {
    @Override
    DataSource dataSource() throws Exception {
        return TestDatabases.postgres("Epro");
    }
}
