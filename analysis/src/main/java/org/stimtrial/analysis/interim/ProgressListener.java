package org.stimtrial.analysis.interim;

/** Told as each step of an analysis starts: step {@code done + 1} of {@code total}, and what it is. */
@FunctionalInterface
public interface ProgressListener {
    void step(int done, int total, String what);

    /** A listener that ignores progress. */
    static ProgressListener none() {
        return (done, total, what) -> { };
    }
}
