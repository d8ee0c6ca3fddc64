package org.stimtrial.interim;

import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/** The database steps of executing a run, each in its own transaction (so progress is visible while it runs). */
public interface RunSteps {
    /** Marks the run started and returns its frozen snapshot. */
    TrialSnapshot begin(long run);

    void progress(long run, int done, int total, String step);

    void complete(long run, InterimResults results);

    void fail(long run, String reason);
}
