package org.stimtrial.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.integrations.GroupCommit;

/**
 * The laboratory groups committed while measuring: how many, of how many messages, and for each the time of its work
 * (from the start of its transaction to {@code beforeCommit}), the committer thread's processor time in that work,
 * and the time of its commit. A group's work is the part no other group overlaps ({@link GroupCommit}).
 */
final class GroupTimes {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder groups = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAdder workNanos = new LongAdder();
    private final LongAdder workCpuNanos = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();

    /** {@code group}, timed. */
    GroupCommit.GroupIngest timing(GroupCommit.GroupIngest group) {
        return (submissions, beforeCommit) -> {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long[] workEnd = {0};
            List<Ingested> done = group.ingestAll(submissions, () -> {
                workEnd[0] = System.nanoTime();
                workCpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
                beforeCommit.run();
            });
            commitNanos.add(System.nanoTime() - workEnd[0]);
            workNanos.add(workEnd[0] - start);
            groups.increment();
            messages.add(submissions.size());
            return done;
        };
    }

    void reset() {
        groups.reset();
        messages.reset();
        workNanos.reset();
        workCpuNanos.reset();
        commitNanos.reset();
    }

    String summary() {
        long n = Math.max(1, groups.sum());
        return String.format(Locale.ROOT, "%d groups of %.1f messages on average; a group's work %.2f ms (the"
                + " committer's processor time %.2f ms), its commit %.2f ms", groups.sum(), (double) messages.sum() / n,
                workNanos.sum() / 1e6 / n, workCpuNanos.sum() / 1e6 / n, commitNanos.sum() / 1e6 / n);
    }
}
