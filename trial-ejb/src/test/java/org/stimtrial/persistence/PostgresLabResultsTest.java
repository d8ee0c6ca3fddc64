package org.stimtrial.persistence;

import javax.sql.DataSource;

/** Laboratory results on a real PostgreSQL server (embedded binaries, listening on 127.0.0.1 only). */
class PostgresLabResultsTest extends LabResultsContract {
    @Override
    DataSource dataSource() throws Exception {
        return TestDatabases.postgres("LabResults");
    }
}
