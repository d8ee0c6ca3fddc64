package org.stimtrial.persistence;

import javax.sql.DataSource;

/** The import pipeline on a real PostgreSQL server (embedded binaries, listening on 127.0.0.1 only). */
class PostgresImportTest extends ImportContract {
    @Override
    DataSource dataSource() throws Exception {
        return TestDatabases.postgres("Import");
    }
}
