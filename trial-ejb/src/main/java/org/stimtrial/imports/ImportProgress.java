package org.stimtrial.imports;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.stimtrial.imports.ImportViews.Progress;

/**
 * How far this server has got in applying the batches it is applying now. A batch's records are applied in one
 * transaction, so until it commits nothing of it can be seen in the database; this keeps the count in memory (it
 * is gone with the server, as the uncommitted work is). It takes no part in its callers' transactions, so that a
 * batch's failure, which marks the transaction for rollback, is reported as it is, not as a failed progress count.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ImportProgress {
    private final ConcurrentMap<Long, Progress> running = new ConcurrentHashMap<>();

    public void applied(long batchId, int recordsApplied, int recordsTotal) {
        running.put(batchId, new Progress(recordsApplied, recordsTotal));
    }

    public void finished(long batchId) {
        running.remove(batchId);
    }

    public Optional<Progress> of(long batchId) {
        return Optional.ofNullable(running.get(batchId));
    }
}
