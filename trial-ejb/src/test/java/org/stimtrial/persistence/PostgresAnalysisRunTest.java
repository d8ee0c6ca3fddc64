package org.stimtrial.persistence;

import javax.sql.DataSource;

/** Analysis runs and reports on the embedded PostgreSQL. */
class PostgresAnalysisRunTest extends AnalysisRunContract {
    @Override
    DataSource dataSource() throws Exception {
        return TestDatabases.postgres("runs");
    }
}
