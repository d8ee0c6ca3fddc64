package org.stimtrial.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a measured run's processor time went, to tell a run limited by the machine's cores from one that waits: the
 * machine's busy time from Linux's {@code /proc/stat} (all processes, PostgreSQL's included), this JVM's own from
 * {@link com.sun.management.OperatingSystemMXBean#getProcessCpuTime()}, and the JIT compilers' from
 * {@link java.lang.management.CompilationMXBean}. On a system without {@code /proc/stat} the machine's share is
 * reported as unknown. Time the host took from this virtual machine (steal) is left out of both, and reported on its
 * own as a share of the cores' time: a run whose cores were taken by the host is slower for no fault of its own. PostgreSQL's own
 * processes (the embedded server's, by their name in {@code /proc/<pid>/stat}) are summed too, and the busiest of them
 * is named on its own: for a CSV file that is the connection that does the import, whose time is the server's work on
 * the critical path, less noisy than the wall-clock time.
 */
record CpuUse(long machineBusyTicks, long machineAllTicks, long stolenTicks, long jvmNanos, long jitMillis, long gcMillis,
              long wallNanos, Map<Long, Long> postgresTicks) {
    /** Linux's clock ticks a second in {@code /proc/<pid>/stat} (USER_HZ, 100 on every common kernel build). */
    private static final double TICKS_PER_SECOND = 100;

    static CpuUse now() {
        long[] ticks = machineTicks();
        return new CpuUse(ticks[0], ticks[1], ticks[2], jvmCpuNanos(), ManagementFactory.getCompilationMXBean()
                .getTotalCompilationTime(), gcTotalMillis(), System.nanoTime(), readPostgresTicks());
    }

    /** The processor time since {@code before}, in core-seconds and as a share of the machine's cores. */
    static String since(CpuUse before) {
        CpuUse after = now();
        double wall = (after.wallNanos - before.wallNanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double jvm = (after.jvmNanos - before.jvmNanos) / 1e9;
        double jit = (after.jitMillis - before.jitMillis) / 1e3;
        long all = after.machineAllTicks - before.machineAllTicks;
        long stolen = after.stolenTicks - before.stolenTicks;
        String machine = all <= 0 ? "machine busy: unknown" : String.format(Locale.ROOT,
                "machine busy %.0f%% of %d cores (%.2f core-s, of which outside this JVM %.2f); taken by the host"
                + " %.0f%%", 100.0 * (after.machineBusyTicks - before.machineBusyTicks) / all, cores,
                wall * cores * (after.machineBusyTicks - before.machineBusyTicks) / all,
                wall * cores * (after.machineBusyTicks - before.machineBusyTicks) / all - jvm,
                100.0 * stolen / (all + stolen));
        long pgAll = 0;
        long pgBusiest = 0;
        for (Map.Entry<Long, Long> p : after.postgresTicks.entrySet()) {
            long used = p.getValue() - before.postgresTicks.getOrDefault(p.getKey(), 0L);
            pgAll += used;
            pgBusiest = Math.max(pgBusiest, used);
        }
        String postgres = after.postgresTicks.isEmpty() ? "" : String.format(Locale.ROOT, "; PostgreSQL's processes"
                + " %.2f core-s, the busiest one %.2f", pgAll / TICKS_PER_SECOND,
                pgBusiest / TICKS_PER_SECOND);
        return String.format(Locale.ROOT, "%s; this JVM %.2f core-s; JIT compilers compiling %.2f s (summed over their"
                + " threads); garbage collector pauses %.2f s%s", machine, jvm, jit,
                (after.gcMillis - before.gcMillis) / 1e3, postgres);
    }

    /**
     * Each PostgreSQL process's processor ticks so far (user and system, from {@code /proc/<pid>/stat}), by process
     * id; empty where {@code /proc} cannot be read.
     */
    private static Map<Long, Long> readPostgresTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open >= 0 && close > open && stat.substring(open + 1, close).equals("postgres")) {
                        String[] f = stat.substring(close + 2).split(" ");
                        ticks.put(Long.parseLong(process.getFileName().toString()),
                                Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while it was being read: it is left out
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    /**
     * Busy, all (steal left out) and stolen ticks of the machine's cores so far; zeros where {@code /proc/stat} cannot
     * be read.
     */
    private static long[] machineTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long all = 0;
            long idle = 0;
            for (int i = 1; i < f.length && i <= 7; i++) {
                long v = Long.parseLong(f[i]);
                all += v;
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new long[] {all - idle, all, steal};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0};
        }
    }

    private static long gcTotalMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
