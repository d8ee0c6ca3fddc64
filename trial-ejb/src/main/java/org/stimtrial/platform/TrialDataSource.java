package org.stimtrial.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's database. The connection comes from MicroProfile Config (system properties or environment
 * variables {@code TRIAL_DB_CLASS}, {@code TRIAL_DB_URL}, {@code TRIAL_DB_USER}, {@code TRIAL_DB_PASSWORD}); the run
 * script defaults to an H2 file database under {@code ./data}. See the README for PostgreSQL.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/trial",
        className = "${MPCONFIG=trial.db.class}",
        url = "${MPCONFIG=trial.db.url}",
        user = "${MPCONFIG=trial.db.user}",
        password = "${MPCONFIG=trial.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        transactional = true)
@Singleton
public class TrialDataSource {
}
