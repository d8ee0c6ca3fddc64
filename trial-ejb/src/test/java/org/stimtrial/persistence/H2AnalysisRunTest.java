package org.stimtrial.persistence;

import javax.sql.DataSource;

/** Analysis runs and reports on an in-memory H2 database. */
class H2AnalysisRunTest extends AnalysisRunContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2("runs");
    }
}
