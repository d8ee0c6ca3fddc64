package org.stimtrial.interim;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Executes runs on the container's asynchronous EJB threads, never on the web request that asked for them: the
 * request returns 202 with the queued run, and its progress is read from the run.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AnalysisRunner {
    @EJB
    private AnalysisRunService runs;

    @Asynchronous
    public void execute(long run) {
        new RunExecution(runs).execute(run);
    }
}
