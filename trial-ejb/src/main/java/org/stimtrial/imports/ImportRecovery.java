package org.stimtrial.imports;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, applies every batch that was stored but not applied when the server stopped (a crash, a kill -9):
 * the payload is in the database, the records are not, so processing it now completes the import exactly once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportRecovery {
    private static final Logger LOG = Logger.getLogger(ImportRecovery.class.getName());

    @EJB
    private ImportService imports;

    @PostConstruct
    void completePending() {
        for (long id : imports.pending()) {
            try {
                ImportViews.BatchView done = imports.process(id);
                LOG.info(() -> "import batch " + id + " completed after restart: " + done.status() + " "
                        + done.reconciliation());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "import batch " + id + " could not be completed; it stays RECEIVED", e);
            }
        }
    }
}
