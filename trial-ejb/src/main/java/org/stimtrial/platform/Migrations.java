package org.stimtrial.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** The Flyway set-up shared by the server, the command-line tools and the tests. */
public final class Migrations {
    private Migrations() {
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** Applies pending migrations and returns the schema version. */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    /** The number of migrations not yet applied (0 on a healthy server). */
    public static int pending(DataSource dataSource) {
        return flyway(dataSource).info().pending().length;
    }
}
