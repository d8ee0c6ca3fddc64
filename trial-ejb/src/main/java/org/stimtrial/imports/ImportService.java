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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.Source;
import org.stimtrial.imports.ImportRecord.Outcome;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.imports.ImportViews.RecordView;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.JdbcEntityIds;
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
 * between, the batch is still {@code RECEIVED} and {@link #pending} lists it for processing again ({@link BulkApply}
 * says how records are applied). {@link #ingestAll} does both for several payloads in one transaction, for a group
 * commit of messages that arrive together.
 */
@Stateless
public class ImportService {
    /** The largest payload taken in. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

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
        return receiveAll(List.of(new Submission(delivery, content)), Optional.empty()).receipts().get(0);
    }

    /** Reads and applies a received batch; a batch already processed or rejected is left as it is. */
    public BatchView process(long batchId) {
        return processAll(List.of(batchId)).get(0);
    }

    /**
     * As {@link #process(long)}, by the caller that has just stored {@code content} as that batch ({@link #receive}):
     * if the batch is still waiting and {@code content} has its checksum, it is applied from the bytes in hand
     * instead of being read back (reading back a file of 8.6 MB took 0.2 s); otherwise the stored payload is read.
     */
    public BatchView process(long batchId, byte[] content) {
        return processAll(List.of(batchId), Map.of(), Map.of(batchId, content), this::keys).get(0);
    }

    /**
     * Stores and applies several payloads in one transaction (a group commit: messages that arrived together are
     * committed together, and none of them is acknowledged before the commit). A payload repeating an earlier one,
     * or one earlier in the group, is a duplicate of that batch. If anything fails the whole group rolls back, and
     * the caller delivers its payloads again one by one. The batches created here are applied from the payloads in
     * hand: no other transaction sees them before the commit, so they are neither locked nor read back. A submission
     * read beforehand ({@link Submission#read()}) is not read again: its checksum, sender's id and records are used.
     * The new batches are not persisted on their own: they and their payloads are inserted by the write of the
     * records' rows, processed already ({@link JdbcImportWriter#hold}).
     */
    public List<Ingested> ingestAll(List<Submission> submissions) {
        JdbcEntityIds ids = keys();
        Received received = receiveAll(submissions, Optional.of(ids));
        List<Receipt> receipts = received.receipts();
        List<BatchView> views = processAll(receipts.stream().map(Receipt::batchId).distinct().toList(),
                received.created(), Map.of(), () -> ids);
        Map<Long, BatchView> byId = new HashMap<>();
        views.forEach(v -> byId.put(v.id(), v));
        return receipts.stream().map(r -> new Ingested(r.duplicate(), byId.get(r.batchId()))).toList();
    }

    /**
     * As {@link #ingestAll(List)}, running {@code beforeCommit} once everything is written, just before the
     * transaction commits: a group commit may take its next group then, so that the next group's work overlaps this
     * one's commit.
     */
    public List<Ingested> ingestAll(List<Submission> submissions, Runnable beforeCommit) {
        List<Ingested> done = ingestAll(submissions);
        beforeCommit.run();
        return done;
    }

    /** What {@link #receiveAll} did: a receipt for each submission, and the batches it created with their payloads. */
    private record Received(List<Receipt> receipts, Map<Long, Created> created) {
    }

    /**
     * A batch received in this transaction and not yet written, with its payload, and its records if already read.
     */
    private record Created(ImportBatch batch, byte[] content, Optional<ParsedBatch> parsed) {
    }

    /**
     * Stores the submissions that repeat no earlier batch as new batches: persisted with their payloads, or, with
     * {@code held} keys, only created with keys drawn from them, for the records' write to insert.
     */
    private Received receiveAll(List<Submission> submissions, Optional<JdbcEntityIds> held) {
        List<Arrival> arrivals = new ArrayList<>();
        Map<String, Study> studies = new HashMap<>();
        for (Submission s : submissions) {
            if (s.content().length > MAX_BYTES) {
                throw new ValidationFailedException("file", "is " + s.content().length + " bytes; at most "
                        + MAX_BYTES + " are taken in one batch");
            }
            Study study = studies.computeIfAbsent(s.delivery().protocolCode(),
                    code -> Studies.require(new JpaStudyRepository(em), code));
            Optional<Submission.Reading> read = s.reading();
            arrivals.add(new Arrival(s, study, read.map(Submission.Reading::checksum).orElseGet(() ->
                    Sha256.hex(s.content())), read.isPresent() ? read.get().sourceId()
                    : PayloadReader.of(s.delivery().format(), study.protocolCode()).sourceId(s.content())));
        }
        Map<String, ImportBatch> known = earlierBatches(arrivals);
        List<Receipt> receipts = new ArrayList<>();
        Map<Long, Created> created = new HashMap<>();
        List<ImportPayload> payloads = new ArrayList<>();
        for (Arrival a : arrivals) {
            Optional<ImportBatch> earlier = Optional.ofNullable(known.get(a.key("c", a.checksum())))
                    .or(() -> a.sourceId().map(id -> known.get(a.key("s", id))));
            if (earlier.isPresent()) {
                receipts.add(new Receipt(earlier.get().id(), true, earlier.get().status()));
                continue;
            }
            Delivery delivery = a.submission().delivery();
            int size = a.submission().content().length;
            OffsetDateTime now = OffsetDateTime.now(clock);
            ImportBatch batch;
            if (held.isPresent()) {
                batch = new ImportBatch(nextKey(held.get()), a.study(), delivery, a.checksum(), a.sourceId(), size,
                        now);
            } else {
                batch = new ImportBatch(a.study(), delivery, a.checksum(), a.sourceId(), size, now);
                em.persist(batch);
                ImportPayload payload = new ImportPayload(batch.id(), a.submission().content());
                em.persist(payload);
                payloads.add(payload);
            }
            created.put(batch.id(), new Created(batch, a.submission().content(),
                    a.submission().reading().map(Submission.Reading::parsed)));
            known.put(a.key("c", a.checksum()), batch);
            a.sourceId().ifPresent(id -> known.put(a.key("s", id), batch));
            receipts.add(new Receipt(batch.id(), false, batch.status()));
        }
        if (!payloads.isEmpty()) {
            em.flush();
            payloads.forEach(em::detach);
        }
        return new Received(receipts, created);
    }

    /**
     * The stored batches that the arrivals repeat: an arrival with a sender's id (HL7 MSH-4 and MSH-10, ODM FileOID)
     * is looked up by that id, any other by its checksum (identical bytes carry the identical sender's id, so a
     * repeated payload is found either way). One query a study, format and key, each on the unique index of its key;
     * the unique indexes also refuse a second batch of the same checksum or id outright.
     */
    private Map<String, ImportBatch> earlierBatches(List<Arrival> arrivals) {
        Map<String, ImportBatch> known = new HashMap<>();
        Map<String, List<Arrival>> byKind = new HashMap<>();
        arrivals.forEach(a -> byKind.computeIfAbsent(a.key("", ""), k -> new ArrayList<>()).add(a));
        for (List<Arrival> kind : byKind.values()) {
            Arrival first = kind.get(0);
            List<String> ids = kind.stream().flatMap(a -> a.sourceId().stream()).distinct().toList();
            List<String> checksums = kind.stream().filter(a -> a.sourceId().isEmpty()).map(Arrival::checksum)
                    .distinct().toList();
            List<ImportBatch> found = new ArrayList<>();
            if (!ids.isEmpty()) {
                found.addAll(batchesWhere("b.sourceId IN :v", first, ids));
            }
            if (!checksums.isEmpty()) {
                found.addAll(batchesWhere("b.checksum IN :v", first, checksums));
            }
            found.forEach(b -> {
                known.putIfAbsent(first.key("c", b.checksum()), b);
                b.sourceId().ifPresent(id -> known.putIfAbsent(first.key("s", id), b));
            });
        }
        return known;
    }

    private List<ImportBatch> batchesWhere(String condition, Arrival kind, List<String> values) {
        return em.createQuery("SELECT b FROM ImportBatch b WHERE b.study = :s AND b.format = :f AND " + condition,
                ImportBatch.class).setParameter("s", kind.study()).setParameter("f", kind.format())
                .setParameter("v", values).getResultList();
    }

    /** A submission with what identifies it: its study, the checksum of its bytes, the sender's id. */
    private record Arrival(Submission submission, Study study, String checksum, Optional<String> sourceId) {
        ImportFormat format() {
            return submission.delivery().format();
        }

        String key(String kind, String value) {
            return study.id() + "/" + format() + "/" + kind + ":" + value;
        }
    }

    /**
     * Reads and applies received batches in one transaction, with their rows written together; a batch already
     * processed or rejected is left as it is. The batches are locked in the order of their ids.
     */
    public List<BatchView> processAll(List<Long> batchIds) {
        return processAll(batchIds, Map.of(), Map.of(), this::keys);
    }

    /**
     * As {@link #processAll(List)}, with the batches this transaction {@code created} taken as they are (and written
     * with the records' rows), the payloads {@code inHand} used for their batches when their checksums match, and
     * the rows' keys drawn from {@code ids} if any rows are written.
     */
    private List<BatchView> processAll(List<Long> batchIds, Map<Long, Created> created, Map<Long, byte[]> inHand,
                                       Supplier<JdbcEntityIds> ids) {
        Map<Long, ImportBatch> byId = new HashMap<>();
        Map<Long, byte[]> payloads = new HashMap<>();
        created.forEach((id, c) -> {
            byId.put(id, c.batch());
            payloads.put(id, c.content());
        });
        List<Long> stored = batchIds.stream().filter(id -> !created.containsKey(id)).toList();
        if (!stored.isEmpty()) {
            em.createQuery("SELECT b FROM ImportBatch b WHERE b.id IN :ids ORDER BY b.id", ImportBatch.class)
                    .setParameter("ids", stored).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                    .forEach(b -> byId.put(b.id(), b));
        }
        List<Long> received = new ArrayList<>();
        for (Long id : stored) {
            ImportBatch b = byId.get(id);
            if (b == null || b.status() != BatchStatus.RECEIVED) {
                continue;
            }
            byte[] held = inHand.get(id);
            if (held != null && Sha256.hex(held).equals(b.checksum())) {
                payloads.put(id, held);
            } else {
                received.add(id);
            }
        }
        if (!received.isEmpty()) {
            em.createQuery("SELECT p FROM ImportPayload p WHERE p.batchId IN :ids", ImportPayload.class)
                    .setParameter("ids", received).getResultStream().forEach(p -> payloads.put(p.batchId(),
                            p.content()));
        }
        Map<Long, BatchView> views = new HashMap<>();
        List<BulkApply.Work> work = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (long id : batchIds) {
            ImportBatch batch = byId.get(id);
            if (batch == null) {
                throw new UnknownEntityException("import batch", id);
            }
            if (batch.status() != BatchStatus.RECEIVED) {
                views.put(id, BatchView.of(batch));
                continue;
            }
            ParsedBatch parsed = Optional.ofNullable(created.get(id)).flatMap(Created::parsed).orElseGet(() ->
                    PayloadReader.of(batch.format(), batch.study().protocolCode()).read(payloads.get(id)));
            if (parsed.rejection().isPresent()) {
                batch.reject(parsed.rejection().get(), now);
                views.put(id, BatchView.of(batch));
            } else {
                work.add(new BulkApply.Work(id, parsed.records()));
            }
        }
        if (!work.isEmpty() || !created.isEmpty()) {
            List<JdbcImportWriter.Held> held = created.values().stream().map(c -> new JdbcImportWriter.Held(
                    c.batch(), c.content())).toList();
            try {
                views.putAll(new BulkApply(em, clock, progress, ids.get()).apply(work, held, now));
            } finally {
                work.forEach(w -> progress.finished(w.batchId()));
            }
        }
        return batchIds.stream().map(views::get).toList();
    }

    /** Draws row keys on the transaction's connection. */
    private JdbcEntityIds keys() {
        try {
            return new JdbcEntityIds(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new PersistenceException("no keys for the import's rows: " + e.getMessage(), e);
        }
    }

    private static long nextKey(JdbcEntityIds ids) {
        try {
            return ids.next();
        } catch (SQLException e) {
            throw new PersistenceException("no key for a new import batch: " + e.getMessage(), e);
        }
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

    /**
     * A batch's records with their texts: an accepted record's text is read again from the batch's payload, once for
     * all its records ({@link RecordText}).
     */
    public List<RecordView> records(String protocolCode, long batchId) {
        ImportBatch batch = requireBatch(protocolCode, batchId);
        List<ImportRecord> records = em.createQuery("SELECT r FROM ImportRecord r WHERE r.batch = :b"
                + " ORDER BY r.recordNo", ImportRecord.class).setParameter("b", batch).getResultList();
        RecordText texts = texts(batch, records);
        return records.stream().map(r -> RecordView.of(r, texts)).toList();
    }

    /** The texts of a batch's records: their copies, and the payload read again if any record has none. */
    private RecordText texts(ImportBatch batch, List<ImportRecord> records) {
        if (records.stream().allMatch(r -> r.copiedText().isPresent())) {
            return RecordText.copiesOnly();
        }
        ImportPayload payload = em.find(ImportPayload.class, batch.id());
        if (payload == null) {
            return RecordText.copiesOnly();
        }
        return RecordText.fromPayload(PayloadReader.of(batch.format(), batch.study().protocolCode())
                .read(payload.content()).records());
    }

    /**
     * Every record still in quarantine, for the data managers' work list. The status is a literal in the query, so
     * that PostgreSQL can read its partial index of quarantined records (V11) whatever the plan.
     */
    public List<RecordView> quarantine(String protocolCode) {
        Study study = Studies.require(new JpaStudyRepository(em), protocolCode);
        return em.createQuery("SELECT r FROM ImportRecord r WHERE r.batch.study = :s AND r.status = "
                + RecordStatus.class.getName() + "." + RecordStatus.QUARANTINED.name()
                + " ORDER BY r.batch.id, r.recordNo", ImportRecord.class).setParameter("s", study)
                .getResultStream().map(r -> RecordView.of(r, RecordText.copiesOnly())).toList();
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
        ParsedBatch parsed = PayloadReader.of(record.batch().format(), protocolCode).readCorrection(correctedText);
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
        return RecordView.of(record, RecordText.copiesOnly());
    }

    private ImportBatch requireBatch(String protocolCode, long batchId) {
        ImportBatch batch = em.find(ImportBatch.class, batchId);
        if (batch == null || !batch.study().protocolCode().equals(protocolCode)) {
            throw new UnknownEntityException("import batch", batchId);
        }
        return batch;
    }
}
