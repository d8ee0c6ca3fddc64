package org.stimtrial.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The JIT compilers' queue, seen through {@link CompilationMXBean#getTotalCompilationTime()}. On a machine of two
 * cores HotSpot runs one C1 and one C2 compiler thread; after a set-up that made much code hot, C2's queue can hold
 * work for many seconds, and a run measured while it drains shares a core with it. A server that has run for a while
 * has drained it, so a warm-up waits for the compilers to be idle before the measured run.
 */
final class CompilerQueue {
    private static final long POLL_MILLIS = 100;

    private CompilerQueue() {
    }

    /**
     * Waits until the compilers add no compilation time for {@code quiet}, or until {@code most} has passed.
     *
     * @return the seconds waited
     */
    static double awaitQuiet(Duration quiet, Duration most) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long deadline = start + most.toNanos();
        long compiled = jit.getTotalCompilationTime();
        long quietSince = start;
        while (System.nanoTime() - quietSince < quiet.toNanos() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            long now = jit.getTotalCompilationTime();
            if (now != compiled) {
                compiled = now;
                quietSince = System.nanoTime();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
