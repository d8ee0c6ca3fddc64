package org.stimtrial.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.stimtrial.platform.Migrations;

/**
 * A migrated database with the application's persistence unit running outside the container (resource-local
 * transactions). Each call of {@link #tx} is one transaction, rolled back if it throws, as the EJB container would.
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final EntityManager em;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
        Migrations.migrate(dataSource);
        this.emf = Persistence.createEntityManagerFactory("trial", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "WARNING"));
        this.em = emf.createEntityManager();
    }

    public EntityManager em() {
        return em;
    }

    /** A further entity manager of the same unit, e.g. one per thread of a concurrency test; the caller closes it. */
    public EntityManager newEntityManager() {
        return emf.createEntityManager();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public <T> T tx(Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.clear();
            throw e;
        }
    }

    public void run(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    /** Runs SQL directly, outside JPA, as someone tampering with the database would. */
    public int sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        em.close();
        emf.close();
    }
}
