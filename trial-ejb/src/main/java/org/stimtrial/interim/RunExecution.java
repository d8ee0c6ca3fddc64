package org.stimtrial.interim;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.interim.InterimAnalysis;
import org.stimtrial.analysis.interim.InterimPlan;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * Runs the prespecified models on a run's frozen snapshot, outside any transaction: progress and the outcome are
 * written through {@link RunSteps}. A failure of the engine (a refused snapshot, an unexpected error) fails the run
 * with its reason; it never leaves the run RUNNING.
 */
public final class RunExecution {
    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());
    private final RunSteps steps;

    public RunExecution(RunSteps steps) {
        this.steps = steps;
    }

    public void execute(long run) {
        TrialSnapshot snapshot = steps.begin(run);
        try {
            InterimResults results = InterimAnalysis.of(InterimPlan.protocol()).run(snapshot,
                    (done, total, what) -> steps.progress(run, done, total, what));
            steps.complete(run, results);
        } catch (AnalysisException e) {
            steps.fail(run, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "analysis run " + run + " failed", e);
            steps.fail(run, "the analysis engine failed: " + e);
        }
    }
}
