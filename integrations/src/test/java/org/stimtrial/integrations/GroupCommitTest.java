package org.stimtrial.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stimtrial.imports.BatchStatus;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.imports.Reconciliation;
import org.stimtrial.imports.Submission;

/**
 * The group commit without a database: payloads that wait while a group is being committed go together in the next
 * group, each caller gets its own result, a failed group is delivered again payload by payload, with two committers
 * the next group is taken while one is worked on only when as many payloads wait, and a closed committer refuses new
 * payloads.
 */
class GroupCommitTest {
    private static final Delivery DELIVERY = new Delivery("STIM-301", ImportChannel.MLLP, ImportFormat.HL7_ORU_R01,
            Optional.empty(), "mllp", "central-lab");
    private static final long WAIT_SECONDS = 20;

    /** A result naming the payload it is for: its text is the batch's file name. */
    private static Ingested resultFor(Submission s) {
        String text = new String(s.content(), StandardCharsets.UTF_8);
        if (text.startsWith("bad")) {
            throw new IllegalArgumentException("cannot take " + text);
        }
        return new Ingested(false, new BatchView(text.hashCode(), "MLLP", "HL7_ORU_R01", null, text, "", null, 1,
                OffsetDateTime.parse("2026-11-22T10:00:00Z"), "central-lab", BatchStatus.PROCESSED, null, null,
                new Reconciliation(1, 1, 0, 0, 0)));
    }

    private static Future<Ingested> send(ExecutorService callers, GroupCommit commit, String text) {
        return callers.submit(() -> commit.ingest(DELIVERY, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void awaitWaiting(GroupCommit commit, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (commit.waiting() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(commit.waiting() + " payloads waiting, expected " + count);
            }
            Thread.onSpinWait();
        }
    }

    /**
     * A group commit that checks that its payloads come read (by their callers' threads), notes each group's size,
     * ends its work at once and holds its commit until released.
     */
    private static GroupCommit.GroupIngest heldUntilReleased(List<Integer> groupSizes, CountDownLatch started,
                                                            CountDownLatch release) {
        return (submissions, beforeCommit) -> {
            assertTrue(submissions.stream().allMatch(Submission::isRead), "each payload read by its caller's thread");
            groupSizes.add(submissions.size());
            beforeCommit.run();
            started.countDown();
            try {
                assertTrue(release.await(WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return submissions.stream().map(GroupCommitTest::resultFor).toList();
        };
    }

    @Test
    void payloadsWaitingDuringACommitGoTogetherAndEachCallerGetsItsOwnResult() throws Exception {
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstGroupStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstGroup = new CountDownLatch(1);
        GroupCommit.GroupIngest group = heldUntilReleased(groupSizes, firstGroupStarted, releaseFirstGroup);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (GroupCommit commit = new GroupCommit(group, (d, c) -> {
            throw new AssertionError("no group failed");
        }, 16, Thread::new)) {
            Future<Ingested> first = send(callers, commit, "m-1");
            assertTrue(firstGroupStarted.await(WAIT_SECONDS, TimeUnit.SECONDS));
            List<Future<Ingested>> next = List.of(send(callers, commit, "m-2"), send(callers, commit, "m-3"),
                    send(callers, commit, "m-4"));
            awaitWaiting(commit, 3);
            releaseFirstGroup.countDown();
            assertEquals("m-1", first.get(WAIT_SECONDS, TimeUnit.SECONDS).batch().fileName());
            for (int i = 0; i < next.size(); i++) {
                assertEquals("m-" + (i + 2), next.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).batch().fileName());
            }
            assertEquals(List.of(1, 3), groupSizes);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedGroupIsDeliveredAgainOneByOneSoOnlyTheBadPayloadFails() throws Exception {
        CountDownLatch firstGroupStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstGroup = new CountDownLatch(1);
        List<String> alone = Collections.synchronizedList(new ArrayList<>());
        GroupCommit.GroupIngest group = heldUntilReleased(new ArrayList<>(), firstGroupStarted, releaseFirstGroup);
        Ingest single = (delivery, content) -> {
            alone.add(new String(content, StandardCharsets.UTF_8));
            return resultFor(new Submission(delivery, content));
        };
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (GroupCommit commit = new GroupCommit(group, single, 16, Thread::new)) {
            Future<Ingested> first = send(callers, commit, "ok-0");
            assertTrue(firstGroupStarted.await(WAIT_SECONDS, TimeUnit.SECONDS));
            Future<Ingested> good = send(callers, commit, "ok-1");
            awaitWaiting(commit, 1);
            Future<Ingested> bad = send(callers, commit, "bad-2");
            awaitWaiting(commit, 2);
            releaseFirstGroup.countDown();
            assertEquals("ok-0", first.get(WAIT_SECONDS, TimeUnit.SECONDS).batch().fileName());
            assertEquals("ok-1", good.get(WAIT_SECONDS, TimeUnit.SECONDS).batch().fileName());
            Exception e = assertThrows(Exception.class, () -> bad.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("cannot take bad-2"), e.getCause().getMessage());
            assertEquals(List.of("ok-1", "bad-2"), alone);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void withTwoCommittersASecondGroupIsTakenWhileTheFirstIsStillCommitting() throws Exception {
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothGroupsStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit.GroupIngest group = heldUntilReleased(groupSizes, bothGroupsStarted, release);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (GroupCommit commit = new GroupCommit(group, (d, c) -> {
            throw new AssertionError("no group failed");
        }, 16, 2, Thread::new)) {
            Future<Ingested> first = send(callers, commit, "m-1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (bothGroupsStarted.getCount() == 2) {
                assertTrue(System.nanoTime() < deadline, "the first group never started");
                Thread.onSpinWait();
            }
            Future<Ingested> second = send(callers, commit, "m-2");
            assertTrue(bothGroupsStarted.await(WAIT_SECONDS, TimeUnit.SECONDS),
                    "the second group waited for the first to commit");
            release.countDown();
            assertEquals("m-1", first.get(WAIT_SECONDS, TimeUnit.SECONDS).batch().fileName());
            assertEquals("m-2", second.get(WAIT_SECONDS, TimeUnit.SECONDS).batch().fileName());
            assertEquals(List.of(1, 1), groupSizes);
        } finally {
            callers.shutdownNow();
        }
    }

    /** Groups whose work and commit each end when the test says, by the order in which they were taken. */
    private static final class Gated implements GroupCommit.GroupIngest {
        private static final int GROUPS = 4;
        private final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        private final List<CountDownLatch> started = latches();
        private final List<CountDownLatch> workDone = latches();
        private final List<CountDownLatch> committed = latches();

        private static List<CountDownLatch> latches() {
            List<CountDownLatch> latches = new ArrayList<>();
            for (int i = 0; i < GROUPS; i++) {
                latches.add(new CountDownLatch(1));
            }
            return latches;
        }

        @Override
        public List<Ingested> ingestAll(List<Submission> submissions, Runnable beforeCommit) {
            int group;
            synchronized (sizes) {
                group = sizes.size();
                sizes.add(submissions.size());
            }
            started.get(group).countDown();
            await(workDone.get(group));
            beforeCommit.run();
            await(committed.get(group));
            return submissions.stream().map(GroupCommitTest::resultFor).toList();
        }

        void awaitStarted(int group) {
            await(started.get(group));
        }

        void finish(int group) {
            workDone.get(group).countDown();
            committed.get(group).countDown();
        }

        private static void await(CountDownLatch latch) {
            try {
                assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * With two committers, while a group is being worked on the other committer takes the payloads waiting only once
     * there are as many as that group holds: payloads that come one by one while a group of three is worked on go
     * together, three at a time, instead of each starting a group of its own.
     */
    @Test
    void whileAGroupIsWorkedOnTheNextIsTakenOnlyWhenAsManyPayloadsWait() throws Exception {
        Gated group = new Gated();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (GroupCommit commit = new GroupCommit(group, (d, c) -> {
            throw new AssertionError("no group failed");
        }, 16, 2, Thread::new)) {
            List<Future<Ingested>> results = new ArrayList<>(List.of(send(callers, commit, "m-1")));
            group.awaitStarted(0);
            results.add(send(callers, commit, "m-2"));
            group.awaitStarted(1);
            for (int i = 3; i <= 5; i++) {
                results.add(send(callers, commit, "m-" + i));
            }
            awaitWaiting(commit, 3);
            group.finish(0);
            group.awaitStarted(2);
            group.finish(1);
            results.add(send(callers, commit, "m-6"));
            results.add(send(callers, commit, "m-7"));
            awaitWaiting(commit, 2);
            assertEquals(List.of(1, 1, 3), group.sizes, "two payloads wait while a group of three is worked on");
            results.add(send(callers, commit, "m-8"));
            group.awaitStarted(3);
            group.finish(2);
            group.finish(3);
            for (int i = 0; i < results.size(); i++) {
                assertEquals("m-" + (i + 1), results.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).batch().fileName());
            }
            assertEquals(List.of(1, 1, 3, 3), group.sizes);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aClosedCommitterRefusesNewPayloads() {
        GroupCommit commit = new GroupCommit((s, beforeCommit) -> s.stream().map(GroupCommitTest::resultFor).toList(),
                (d, c) -> resultFor(new Submission(d, c)), 4, Thread::new);
        assertEquals("m", commit.ingest(DELIVERY, "m".getBytes(StandardCharsets.UTF_8)).batch().fileName());
        commit.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> commit.ingest(DELIVERY, "late".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("send the message again"), e.getMessage());
    }
}
