package org.stimtrial.imports;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.Source;
import org.stimtrial.imports.ImportRecord.Outcome;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.imports.ImportViews.RecordView;
import org.stimtrial.imports.NewSpecimens.NewSpecimen;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.Sha256;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;

/**
 * The import pipeline. {@link #receive} stores the payload as it came, in a transaction of its own, before anything
 * is read from it; a payload with the checksum of an earlier one, or with its sender's id (HL7 MSH-10 with MSH-4,
 * ODM FileOID), is acknowledged as that batch and creates nothing.
 * {@link #process} then reads the stored payload and applies every record in one transaction: after a crash in
 * between, the batch is still {@code RECEIVED} and {@link #pending} lists it for processing again. A record that only
 * adds a new specimen, past the same checks as data entry, takes the bulk path ({@link NewSpecimens} reads the
 * batch's participants at once, {@link JdbcImportWriter} writes the rows and audit records in JDBC batches); every
 * other record goes through the data-entry services one by one ({@link RecordApplier}).
 */
@Stateless
public class ImportService {
    /** The largest payload taken in. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    /** Records held in memory by the bulk path between writes, and between progress reports of a large batch. */
    private static final int WRITE_EVERY = 500;

    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private ImportProgress progress;

    public ImportService() {
    }

    public ImportService(EntityManager em, Clock clock) {
        this(em, clock, new ImportProgress());
    }

    public ImportService(EntityManager em, Clock clock, ImportProgress progress) {
        this.em = em;
        this.clock = clock;
        this.progress = progress;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Receipt receive(Delivery delivery, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new ValidationFailedException("file", "is " + content.length + " bytes; at most " + MAX_BYTES
                    + " are taken in one batch");
        }
        Study study = Studies.require(new JpaStudyRepository(em), delivery.protocolCode());
        String checksum = Sha256.hex(content);
        Optional<String> sourceId = reader(delivery.format(), study.protocolCode()).sourceId(content);
        Optional<ImportBatch> earlier = em.createQuery("SELECT b FROM ImportBatch b WHERE b.study = :s AND"
                + " b.format = :f AND b.checksum = :c", ImportBatch.class).setParameter("s", study)
                .setParameter("f", delivery.format()).setParameter("c", checksum).getResultStream().findFirst();
        if (earlier.isEmpty() && sourceId.isPresent()) {
            earlier = em.createQuery("SELECT b FROM ImportBatch b WHERE b.study = :s AND b.format = :f AND"
                    + " b.sourceId = :id", ImportBatch.class).setParameter("s", study)
                    .setParameter("f", delivery.format()).setParameter("id", sourceId.get()).getResultStream()
                    .findFirst();
        }
        if (earlier.isPresent()) {
            return new Receipt(earlier.get().id(), true, earlier.get().status());
        }
        ImportBatch batch = new ImportBatch(study, delivery, checksum, sourceId, content.length,
                OffsetDateTime.now(clock));
        em.persist(batch);
        em.flush();
        em.persist(new ImportPayload(batch.id(), content));
        return new Receipt(batch.id(), false, batch.status());
    }

    /** Reads and applies a received batch; a batch already processed or rejected is left as it is. */
    public BatchView process(long batchId) {
        ImportBatch batch = em.find(ImportBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw new UnknownEntityException("import batch", batchId);
        }
        if (batch.status() != BatchStatus.RECEIVED) {
            return BatchView.of(batch);
        }
        byte[] content = em.find(ImportPayload.class, batchId).content();
        ParsedBatch parsed = reader(batch.format(), batch.study().protocolCode()).read(content);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (parsed.rejection().isPresent()) {
            batch.reject(parsed.rejection().get(), now);
            return BatchView.of(batch);
        }
        try {
            return apply(batch, parsed.records(), now);
        } finally {
            progress.finished(batchId);
        }
    }

    private BatchView apply(ImportBatch received, List<ParsedRecord> records, OffsetDateTime now) {
        long batchId = received.id();
        ImportBatch batch = received;
        RecordApplier applier = new RecordApplier(em, clock);
        List<RecordStatus> outcomes = new ArrayList<>();
        progress.applied(batchId, 0, records.size());
        try {
            JdbcImportWriter writer = JdbcImportWriter.open(em.unwrap(Connection.class), batchId);
            NewSpecimens specimens = new NewSpecimens(em, batch, records);
            for (int i = 0; i < records.size(); i++) {
                if (i % WRITE_EVERY == 0) {
                    writer.reserveFor(records.subList(i, Math.min(records.size(), i + WRITE_EVERY)));
                }
                ParsedRecord record = records.get(i);
                int number = i + 1;
                Actor actor = new Actor(batch.receivedBy(), Source.IMPORT, Optional.of("import batch " + batchId
                        + " record " + number));
                Optional<NewSpecimen> simple = record.item().flatMap(item -> specimens.of(item,
                        OffsetDateTime.now(clock)));
                Outcome outcome;
                if (simple.isPresent() || record.item().isEmpty()) {
                    outcome = simple.isPresent() ? Outcome.accepted()
                            : Outcome.quarantined(record.error().orElseThrow());
                    simple.ifPresent(specimens::added);
                    if (simple.isPresent()) {
                        writer.specimen(simple.get(), actor, OffsetDateTime.now(clock));
                    }
                    writer.record(number, record.raw(), record.screeningNumber(), outcome);
                } else {
                    writer.write();
                    ImportItem item = record.item().get();
                    outcome = applier.apply(batch, item, actor);
                    em.persist(new ImportRecord(batch, number, record.raw(), record.screeningNumber().orElse(null),
                            outcome));
                    batch = writtenSoFar(batchId);
                    specimens.reload(item.screeningNumber());
                    writer.chainHeadMoved();
                }
                outcomes.add(outcome.status());
                if (number % WRITE_EVERY == 0) {
                    writer.write();
                    progress.applied(batchId, number, records.size());
                }
            }
            writer.write();
        } catch (SQLException e) {
            throw new PersistenceException("import batch " + batchId + " could not be written: " + e.getMessage(), e);
        }
        batch.processed(Reconciliation.count(outcomes), now);
        return BatchView.of(batch);
    }

    /**
     * Writes what the batch applied so far and forgets it in memory (it stays uncommitted in this transaction), after
     * every record that went through the data-entry services: every query flushes the persistence context first, and a flush compares every entity it holds,
     * so a context kept over many records made each record slower than the one before (measured: 100 records per
     * flush 497 rows/s, 30: 1,412, 10: 1,946, 1: 2,283 on the 20,000-row benchmark file).
     */
    private ImportBatch writtenSoFar(long batchId) {
        em.flush();
        em.clear();
        return em.find(ImportBatch.class, batchId);
    }

    /** Batches received but not processed (a crash or a stop in between), oldest first. */
    public List<Long> pending() {
        return em.createQuery("SELECT b.id FROM ImportBatch b WHERE b.status = :s ORDER BY b.id", Long.class)
                .setParameter("s", BatchStatus.RECEIVED).getResultList();
    }

    /** The study's batches, newest first; one being applied shows its progress. */
    public List<BatchView> batches(String protocolCode) {
        Study study = Studies.require(new JpaStudyRepository(em), protocolCode);
        return em.createQuery("SELECT b FROM ImportBatch b WHERE b.study = :s ORDER BY b.id DESC", ImportBatch.class)
                .setParameter("s", study).getResultStream().map(b -> BatchView.of(b, progress.of(b.id()))).toList();
    }

    public BatchView batch(String protocolCode, long batchId) {
        return BatchView.of(requireBatch(protocolCode, batchId), progress.of(batchId));
    }

    public List<RecordView> records(String protocolCode, long batchId) {
        ImportBatch batch = requireBatch(protocolCode, batchId);
        return em.createQuery("SELECT r FROM ImportRecord r WHERE r.batch = :b ORDER BY r.recordNo",
                ImportRecord.class).setParameter("b", batch).getResultStream().map(RecordView::of).toList();
    }

    /** Every record still in quarantine, for the data managers' work list. */
    public List<RecordView> quarantine(String protocolCode) {
        Study study = Studies.require(new JpaStudyRepository(em), protocolCode);
        return em.createQuery("SELECT r FROM ImportRecord r WHERE r.batch.study = :s AND r.status = :q"
                + " ORDER BY r.batch.id, r.recordNo", ImportRecord.class).setParameter("s", study)
                .setParameter("q", RecordStatus.QUARANTINED).getResultStream().map(RecordView::of).toList();
    }

    /**
     * A data manager's correction of a quarantined record (its rows, without the header): applied as the record
     * would have been; if it still fails, the record stays quarantined with the new reason. The original text stays.
     */
    public RecordView correct(String protocolCode, long recordId, String correctedText, Actor dataManager) {
        ImportRecord record = em.find(ImportRecord.class, recordId, LockModeType.PESSIMISTIC_WRITE);
        if (record == null || !record.batch().study().protocolCode().equals(protocolCode)) {
            throw new UnknownEntityException("import record", recordId);
        }
        if (record.status() != RecordStatus.QUARANTINED) {
            throw new ConflictException("not-quarantined", "record " + recordId + " is " + record.status()
                    + "; only quarantined records are corrected");
        }
        ParsedBatch parsed = reader(record.batch().format(), protocolCode).readCorrection(correctedText);
        if (parsed.rejection().isPresent() || parsed.records().size() != 1) {
            throw new ValidationFailedException("text", parsed.rejection().orElse("the correction must be exactly"
                    + " one record (the rows of one specimen or one assessment)"));
        }
        ParsedRecord fixed = parsed.records().get(0);
        if (fixed.item().isEmpty()) {
            throw new ValidationFailedException("text", fixed.error().orElseThrow());
        }
        Actor actor = new Actor(dataManager.username(), Source.IMPORT, Optional.of("import batch "
                + record.batch().id() + " record " + record.recordNo() + " corrected"));
        Outcome outcome = new RecordApplier(em, clock).apply(record.batch(), fixed.item().get(), actor);
        if (outcome.status() != RecordStatus.ACCEPTED) {
            throw new ValidationFailedException("text", outcome.reason().orElse(outcome.status().name()));
        }
        record.corrected(correctedText, dataManager.username(), OffsetDateTime.now(clock));
        record.batch().corrected();
        return RecordView.of(record);
    }

    private ImportBatch requireBatch(String protocolCode, long batchId) {
        ImportBatch batch = em.find(ImportBatch.class, batchId);
        if (batch == null || !batch.study().protocolCode().equals(protocolCode)) {
            throw new UnknownEntityException("import batch", batchId);
        }
        return batch;
    }

    private static PayloadReader reader(ImportFormat format, String protocolCode) {
        return switch (format) {
            case URINE_SCREEN_CSV -> new UrineScreenCsv();
            case CRAVING_CSV -> new CravingCsv();
            case HL7_ORU_R01 -> new LabResultsHl7();
            case CRAVING_ODM -> new EproOdm(protocolCode);
        };
    }
}
