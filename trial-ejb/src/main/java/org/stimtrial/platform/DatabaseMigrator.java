package org.stimtrial.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Brings the schema up to date with Flyway before anything else touches the database. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrator {
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:app/jdbc/trial")
    private DataSource dataSource;

    private String schemaVersion = "none";

    @PostConstruct
    void migrate() {
        schemaVersion = Migrations.migrate(dataSource);
        LOG.info(() -> "Database schema at version " + schemaVersion);
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}
