package org.stimtrial.interim;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * At start-up, executes again every run left queued or running when the server stopped: its snapshot is frozen in
 * the database, so the rerun gives the results the interrupted run would have given.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunRecovery {
    private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

    @EJB
    private AnalysisRunService runs;
    @EJB
    private AnalysisRunner runner;

    @PostConstruct
    void resumeUnfinished() {
        for (long id : runs.unfinished()) {
            LOG.info(() -> "analysis run " + id + " was not finished when the server stopped; running it again");
            runner.execute(id);
        }
    }
}
