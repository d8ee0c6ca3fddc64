package org.stimtrial.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.stimtrial.integrations.mllp.MllpClient;

/** Sends messages over MLLP from several clients, each waiting for its ACK; bounded by count and by time. */
final class MllpLoad {
    private MllpLoad() {
    }

    /** How a load went: messages sent, how many were not answered AA, elapsed time and ACK latencies. */
    record Result(int sent, int notAccepted, double seconds, double medianMillis, double p95Millis) {
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    static Result send(int port, List<byte[]> messages, int clients, long limitSeconds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger notAccepted = new AtomicInteger();
        long[] latencies = new long[messages.size()];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    int sent = 0;
                    try (MllpClient client = new MllpClient(port, 60_000)) {
                        for (int k = next.getAndIncrement(); k < messages.size() && System.nanoTime() < deadline;
                             k = next.getAndIncrement()) {
                            long t = System.nanoTime();
                            String ack = client.send(messages.get(k));
                            latencies[k] = System.nanoTime() - t;
                            if (!ack.contains("MSA|AA|")) {
                                notAccepted.incrementAndGet();
                            }
                            sent++;
                        }
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> f : done) {
                sent += f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
            return new Result(sent, notAccepted.get(), seconds, percentile(measured, 0.5), percentile(measured,
                    0.95));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }
}
