package org.stimtrial.integrations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.imports.Submission;

/**
 * A group commit for messages that arrive at the same time on several connections (the laboratory's MLLP links):
 * each caller's payload is read in the caller's own thread ({@link Submission#read()}) and waits in a queue, a
 * committer thread hands everything waiting (at most {@code maxGroup}) to the pipeline in one transaction, and each
 * caller gets its own result back only after that transaction committed, so an acknowledgement still means stored and
 * applied. If the group's transaction fails, each of its payloads is delivered again alone, so that one message the
 * pipeline cannot take does not hold back the others, and each caller gets its own error.
 *
 * <p>With more than one committer, a group's commit overlaps the next group's work. While a group is being worked on
 * (until its rows are written and its commit begins: {@link GroupIngest}'s {@code beforeCommit}), another committer
 * takes the payloads waiting only once there are as many as the group taken last; otherwise it waits for that work to
 * end. So with many connections a group holds what arrived while the one before was worked on, and each group's
 * statements and commit, which cost the same whatever its size, serve more messages; with few connections, groups
 * of one or two are still worked on side by side. When committers took groups as soon as they were free, the second
 * took the first payload that came: groups of 5.1 messages with 16 connections, against 6.9 now. Groups worked on or
 * committed side by side wait for each other only for participants both hold (the pipeline locks a group's
 * participants before it reads their specimens) and for the audit trail's chain head, which each takes for its last
 * writes and holds to its commit. Messages of one connection stay in order: its caller sends the next only after the
 * ACK of the one before.
 */
public final class GroupCommit implements Ingest, AutoCloseable {
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);
    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /**
     * Stores and applies several payloads in one transaction, returning their results in order; runs
     * {@code beforeCommit} when everything is written, just before the commit (if it does not, the next group waits
     * for this one's commit).
     */
    @FunctionalInterface
    public interface GroupIngest {
        List<Ingested> ingestAll(List<Submission> submissions, Runnable beforeCommit);
    }

    private final GroupIngest group;
    private final Ingest single;
    private final int maxGroup;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    /** Guards {@link #working} and {@link #lastTaken}; committers wait on it for their turn to take a group. */
    private final Object turns = new Object();
    /** Groups taken whose work is not done. */
    private int working;
    /** The size of the group taken last. */
    private int lastTaken = 1;
    private final Object lifecycle = new Object();
    private boolean open = true;

    /** One committer: a group is stored, applied and committed before the next is taken. */
    public GroupCommit(GroupIngest group, Ingest single, int maxGroup, ThreadFactory threads) {
        this(group, single, maxGroup, 1, threads);
    }

    /** {@code committers} threads, each taking the next group while another commits its own. */
    public GroupCommit(GroupIngest group, Ingest single, int maxGroup, int committers, ThreadFactory threads) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one payload");
        }
        if (committers < 1) {
            throw new IllegalArgumentException("a group commit needs at least one committer");
        }
        this.group = group;
        this.single = single;
        this.maxGroup = maxGroup;
        for (int i = 1; i <= committers; i++) {
            Thread committer = threads.newThread(this::run);
            committer.setName("import-group-commit-" + i);
            this.committers.add(committer);
        }
        this.committers.forEach(Thread::start);
    }

    private record Waiting(Submission submission, CompletableFuture<Ingested> result) {
    }

    @Override
    public Ingested ingest(Delivery delivery, byte[] content) {
        Waiting waiting = new Waiting(readBeforehand(new Submission(delivery, content)), new CompletableFuture<>());
        synchronized (lifecycle) {
            if (!open) {
                throw new IllegalStateException("the import pipeline is stopping; send the message again");
            }
            queue.add(waiting);
        }
        synchronized (turns) {
            if (working > 0) {
                turns.notifyAll();
            }
        }
        try {
            return waiting.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the message was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The payload read in the caller's thread, beside the other callers, instead of by the committer inside the
     * group's transaction. Reading depends on the bytes alone, and a payload that cannot be read is read as rejected;
     * should the reader itself fail, the payload is read again in the transaction, where a failure has the
     * pipeline's handling (the group delivered again one by one).
     */
    private static Submission readBeforehand(Submission submission) {
        try {
            return submission.read();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a payload could not be read before its group; it is read in the transaction", e);
            return submission;
        }
    }

    private void run() {
        List<Waiting> taken = new ArrayList<>();
        while (isOpen() || !queue.isEmpty()) {
            Turn turn;
            try {
                turn = new Turn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                if (take(taken)) {
                    turn.took(taken.size());
                    commit(taken, turn);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Error e) {
                taken.forEach(w -> w.result().completeExceptionally(e));
                throw e;
            } finally {
                turn.end();
                taken.clear();
            }
        }
        Waiting left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the import pipeline stopped before"
                    + " the message was stored; send it again"));
        }
    }

    /**
     * Waits for a payload, then takes it with every payload waiting behind it, up to a group; false if none came
     * in time (the committer then checks whether it is closing).
     */
    private boolean take(List<Waiting> taken) throws InterruptedException {
        Waiting first = queue.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        taken.add(first);
        queue.drainTo(taken, maxGroup - 1);
        return true;
    }

    /**
     * A committer's turn to take a group and work on it, from before it takes its group to the end of the group's
     * work, when the commit begins (or the group failed, or the committer found nothing to take). A turn begins when
     * no group is being worked on, or when at least as many payloads wait as the group taken last holds.
     */
    private final class Turn {
        private final AtomicBoolean held = new AtomicBoolean(true);

        Turn() throws InterruptedException {
            synchronized (turns) {
                while (working > 0 && queue.size() < lastTaken) {
                    turns.wait();
                }
                working++;
            }
        }

        void took(int size) {
            synchronized (turns) {
                lastTaken = size;
            }
        }

        void end() {
            if (held.compareAndSet(true, false)) {
                synchronized (turns) {
                    working--;
                    turns.notifyAll();
                }
            }
        }
    }

    private void commit(List<Waiting> taken, Turn turn) {
        List<Ingested> done;
        try {
            done = group.ingestAll(taken.stream().map(Waiting::submission).toList(), turn::end);
        } catch (RuntimeException groupFailed) {
            turn.end();
            for (Waiting w : taken) {
                try {
                    w.result().complete(single.ingest(w.submission().delivery(), w.submission().content()));
                } catch (RuntimeException e) {
                    w.result().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < taken.size(); i++) {
            taken.get(i).result().complete(done.get(i));
        }
    }

    /** Payloads waiting for the next group. */
    int waiting() {
        return queue.size();
    }

    private boolean isOpen() {
        synchronized (lifecycle) {
            return open;
        }
    }

    /** Takes no more payloads, commits those waiting, and waits for the committers to end. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            open = false;
        }
        try {
            for (Thread committer : committers) {
                committer.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
