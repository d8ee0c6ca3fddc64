package org.stimtrial.imports;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.Source;
import org.stimtrial.imports.ImportRecord.Outcome;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.NewSpecimens.NewSpecimen;
import org.stimtrial.shared.JdbcEntityIds;
import org.stimtrial.study.Study;

/**
 * Applies the records of one or more received batches in the caller's transaction. A record that only adds a new
 * specimen, past the same checks as data entry, takes the bulk path: {@link NewSpecimens} has read the batches'
 * participants at once, and {@link JdbcImportWriter} writes the rows and audit records in bulk. Every other record
 * goes through the data-entry services one by one ({@link RecordApplier}), after what the bulk path holds is written.
 * The studies' participants are locked in the order of the studies' ids ({@link NewSpecimens}); the audit chain head
 * is taken last, by the final write, after the batches' counts are written.
 */
final class BulkApply {
    /** Records held in memory between bulk writes, and between progress reports of a large batch. */
    static final int WRITE_EVERY = 500;

    private final EntityManager em;
    private final Clock clock;
    private final ImportProgress progress;
    private final JdbcEntityIds ids;

    /** Applies on {@code em}'s transaction, drawing the keys of the rows it writes from {@code ids}. */
    BulkApply(EntityManager em, Clock clock, ImportProgress progress, JdbcEntityIds ids) {
        this.em = em;
        this.clock = clock;
        this.progress = progress;
        this.ids = ids;
    }

    /** A received batch's records, read and ready to apply. */
    record Work(long batchId, List<ParsedRecord> records) {
    }

    private record Step(Work work, int number, ParsedRecord record) {
    }

    /**
     * Applies every batch's records and marks each batch processed; returns the batches as they end. The batches
     * {@code received} by this transaction and not persisted are written with the rows, as they end (processed, or
     * rejected beforehand); each is written earlier, as received, if one of its records must go through the
     * data-entry services, which need it stored.
     */
    Map<Long, BatchView> apply(List<Work> works, List<JdbcImportWriter.Held> received, OffsetDateTime now) {
        List<Step> steps = new ArrayList<>();
        for (Work w : works) {
            for (int i = 0; i < w.records().size(); i++) {
                steps.add(new Step(w, i + 1, w.records().get(i)));
            }
        }
        Ends ends = new Ends(now);
        JdbcImportWriter writer = null;
        try {
            writer = JdbcImportWriter.open(em.unwrap(Connection.class), clock, ids);
            received.forEach(writer::hold);
            Map<Long, Study> studies = new TreeMap<>();
            for (Work w : works) {
                Study study = batch(writer, w.batchId()).study();
                studies.put(study.id(), study);
            }
            Map<Long, NewSpecimens> specimens = new HashMap<>();
            List<ParsedRecord> all = steps.stream().map(Step::record).toList();
            studies.forEach((id, study) -> specimens.put(id, new NewSpecimens(em, study, all)));
            Work current = null;
            ImportBatch batch = null;
            List<RecordStatus> outcomes = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (i % WRITE_EVERY == 0) {
                    writer.reserveFor(steps.subList(i, Math.min(steps.size(), i + WRITE_EVERY)).stream()
                            .map(Step::record).toList());
                }
                if (step.work() != current) {
                    if (current != null) {
                        ends.add(batch, outcomes);
                    }
                    current = step.work();
                    batch = batch(writer, current.batchId());
                    outcomes = new ArrayList<>();
                    progress.applied(current.batchId(), 0, current.records().size());
                }
                Outcome outcome = applyOne(step, batch, specimens.get(batch.study().id()), writer);
                if (writer.unwritten(current.batchId()).isEmpty() && !em.contains(batch)) {
                    batch = batch(writer, current.batchId());
                }
                outcomes.add(outcome.status());
                if (step.number() % WRITE_EVERY == 0) {
                    writer.reserveFor(steps.subList(i + 1, Math.min(steps.size(), i + 1 + WRITE_EVERY)).stream()
                            .map(Step::record).toList());
                    writer.writeAndGoOn();
                    progress.applied(current.batchId(), step.number(), current.records().size());
                }
            }
            if (current != null) {
                ends.add(batch, outcomes);
            }
            for (Work w : works) {
                if (w.records().isEmpty()) {
                    ends.add(batch(writer, w.batchId()), List.of());
                }
            }
            ends.handTo(writer);
            writer.write();
        } catch (SQLException e) {
            throw abandoned(writer, new PersistenceException("the import could not be written: " + e.getMessage(),
                    e));
        } catch (RuntimeException e) {
            throw abandoned(writer, e);
        }
        return ends.views;
    }

    /** After {@code failure}, frees the connection of a write left running, so that the transaction can roll back. */
    private static RuntimeException abandoned(JdbcImportWriter writer, RuntimeException failure) {
        if (writer != null) {
            try {
                writer.abandon();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    private Outcome applyOne(Step step, ImportBatch batch, NewSpecimens specimens, JdbcImportWriter writer)
            throws SQLException {
        ParsedRecord record = step.record();
        Actor actor = new Actor(batch.receivedBy(), Source.IMPORT, Optional.of("import batch " + batch.id()
                + " record " + step.number()));
        Optional<NewSpecimen> simple = record.item().flatMap(item -> specimens.of(item, batch.siteCode(),
                OffsetDateTime.now(clock)));
        if (simple.isPresent()) {
            specimens.added(simple.get());
            writer.specimen(simple.get(), actor);
            writer.record(batch.id(), step.number(), record.raw(), record.screeningNumber(), Outcome.accepted());
            return Outcome.accepted();
        }
        if (record.item().isEmpty()) {
            Outcome outcome = Outcome.quarantined(record.error().orElseThrow());
            writer.record(batch.id(), step.number(), record.raw(), record.screeningNumber(), outcome);
            return outcome;
        }
        writer.write();
        ImportBatch stored = batch(writer, batch.id());
        ImportItem item = record.item().get();
        Outcome outcome = new RecordApplier(em, clock).apply(stored, item, actor);
        em.persist(new ImportRecord(stored, step.number(), record.raw(), record.screeningNumber().orElse(null),
                outcome));
        writtenSoFar();
        specimens.reload(item.screeningNumber());
        writer.chainHeadMoved();
        return outcome;
    }

    /**
     * A batch as this transaction holds it: the writer's until it is written, then the persistence context's (read
     * again after the context was cleared), once the writer's last write has ended.
     */
    private ImportBatch batch(JdbcImportWriter writer, long id) throws SQLException {
        Optional<ImportBatch> held = writer.unwritten(id);
        if (held.isPresent()) {
            return held.get();
        }
        writer.settle();
        return em.find(ImportBatch.class, id);
    }

    /**
     * The batches whose records are all applied: each is marked processed in memory for its view, and they are
     * handed to the writer's last write ({@link JdbcImportWriter#processed}); their entities are detached, so that
     * JPA does not write each of them again.
     */
    private final class Ends {
        private final OffsetDateTime now;
        private final Map<Long, BatchView> views = new HashMap<>();
        private final List<ImportBatch> batches = new ArrayList<>();

        Ends(OffsetDateTime now) {
            this.now = now;
        }

        void add(ImportBatch batch, List<RecordStatus> outcomes) {
            Reconciliation counts = Reconciliation.count(outcomes);
            batch.processed(counts, now);
            views.put(batch.id(), BatchView.of(batch));
            batches.add(batch);
        }

        void handTo(JdbcImportWriter writer) {
            writer.processed(batches);
            batches.stream().filter(em::contains).forEach(em::detach);
        }
    }

    /**
     * Writes what a record applied through the data-entry services and forgets it in memory (it stays uncommitted
     * in this transaction): every query flushes the persistence context first, and a flush compares every entity it
     * holds, so a context kept over many records made each record slower than the one before.
     */
    private void writtenSoFar() {
        em.flush();
        em.clear();
    }
}
