package org.stimtrial.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The Flyway set-up shared by the server, the command-line tools and the tests: {@code db/migration} for every
 * database, and {@code db/postgresql} as well on PostgreSQL (what only PostgreSQL can do, such as checking a rule once
 * per statement in a trigger; the version numbers of both folders are one sequence).
 */
public final class Migrations {
    private static final String COMMON = "classpath:db/migration";
    private static final String POSTGRESQL = "classpath:db/postgresql";

    private Migrations() {
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(isPostgres(dataSource) ? new String[] {COMMON, POSTGRESQL} : new String[] {COMMON})
                .failOnMissingLocations(true)
                .load();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database to migrate it: " + e.getMessage(), e);
        }
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
