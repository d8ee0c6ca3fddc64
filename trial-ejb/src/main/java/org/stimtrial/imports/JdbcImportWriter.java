package org.stimtrial.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.JdbcAuditAppender;
import org.stimtrial.imports.ImportRecord.Outcome;
import org.stimtrial.imports.NewSpecimens.NewSpecimen;
import org.stimtrial.shared.BulkRows;
import org.stimtrial.shared.BulkWrite;
import org.stimtrial.shared.JdbcEntityIds;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.UrineDrugScreen;
import org.stimtrial.visit.UrineScreenRules;

/**
 * The bulk import path's writes: new specimens with their analyte results and audit records, and the batches' import
 * records, held in memory and written in bulk ({@link BulkWrite}) on the transaction's connection by {@link #write()}.
 * The rows are those that data entry and {@link ImportRecord} write through JPA (the same columns, the initial
 * version 1, the audit records of {@link UrineScreenRules#auditState}), with the batches' counts at their end. Batches
 * that the transaction received itself ({@link #hold}) are inserted with their payloads by the same write, processed
 * already when their records were all applied before it. Each write puts the rows first (a laboratory group's in one
 * statement), then takes the audit chain head, at the first write that has audit records
 * ({@link JdbcAuditAppender}), and writes the audit records; the head stays locked to the end of the transaction. A
 * file's write sends its analyte results last and can leave them to the server while the next records are read
 * ({@link #writeAndGoOn}).
 */
final class JdbcImportWriter {
    private static final BulkRows SCREEN = new BulkRows("urine_drug_screen", List.of("id bigint", "visit_id bigint",
            "specimen_id varchar", "collected_at timestamptz", "source varchar", "specimen_validity varchar",
            "version bigint"));
    private static final BulkRows ANALYTE = new BulkRows("uds_analyte_result", List.of("screen_id bigint",
            "loinc_code varchar", "result varchar", "cutoff_ng_ml numeric", "concentration_ng_ml numeric"));
    private static final BulkRows RECORD = new BulkRows("import_record", List.of("id bigint", "batch_id bigint",
            "record_no int", "raw varchar", "raw_crc32c int", "status varchar", "reason varchar",
            "subject_number varchar"));
    /** What became of a batch ({@link #outcome}): the columns a batch marked processed updates. */
    private static final List<String> OUTCOME = List.of("id bigint", "status varchar", "rejection_reason varchar",
            "processed_at timestamptz", "records_received int", "records_accepted int", "records_quarantined int",
            "records_duplicate int", "records_conflict int");
    private static final BulkRows BATCH = new BulkRows("import_batch", OUTCOME);
    /** A batch inserted whole: its outcome, then what arrived. */
    private static final BulkRows NEW_BATCH = new BulkRows("import_batch", Stream.concat(OUTCOME.stream(),
            Stream.of("study_id bigint", "channel varchar", "format varchar", "site_code varchar", "file_name varchar",
                    "checksum varchar", "source_id varchar", "size_bytes bigint", "received_at timestamptz",
                    "received_by varchar")).toList());
    private static final BulkRows PAYLOAD = new BulkRows("import_payload", List.of("batch_id bigint",
            "content bytea"));
    /** The version JPA gives a new row. */
    private static final long FIRST_VERSION = 1;

    private final Connection connection;
    private final JdbcEntityIds ids;
    private final JdbcAuditAppender audit;
    private final List<Object[]> screens = new ArrayList<>();
    private final List<Object[]> analytes = new ArrayList<>();
    private final List<Object[]> records = new ArrayList<>();
    private final List<Object[]> processed = new ArrayList<>();
    private final Map<Long, Held> held = new LinkedHashMap<>();
    /** The last write's {@code COPY}, still running on the server ({@link #writeAndGoOn}). */
    private Optional<BulkRows.Streaming> streaming = Optional.empty();

    private JdbcImportWriter(Connection connection, Clock clock, JdbcEntityIds ids) throws SQLException {
        this.connection = connection;
        this.audit = JdbcAuditAppender.on(connection, clock);
        this.ids = ids;
    }

    /**
     * A writer on the transaction's connection, drawing keys from {@code ids}; its audit records are stamped with
     * the time they are written.
     */
    static JdbcImportWriter open(Connection connection, Clock clock, JdbcEntityIds ids) throws SQLException {
        return new JdbcImportWriter(connection, clock, ids);
    }

    /** A batch received by this transaction and not yet written, with its payload. */
    record Held(ImportBatch batch, byte[] content) {
    }

    /**
     * Takes a batch that this transaction received and did not persist: the next {@link #write()} inserts it and its
     * payload, as the batch is then (processed, with its counts, when its records were all applied before).
     */
    void hold(Held batch) {
        held.put(batch.batch().id(), batch);
    }

    /** The batch, if it is held and not yet written. */
    Optional<ImportBatch> unwritten(long batchId) {
        return Optional.ofNullable(held.get(batchId)).map(Held::batch);
    }

    /** Reads the chain head again after records were appended through JPA (everything held must be written). */
    void chainHeadMoved() {
        if (!records.isEmpty() || !screens.isEmpty() || streaming.isPresent()) {
            throw new IllegalStateException("write the bulk rows before appending audit records through JPA");
        }
        audit.headMoved();
    }

    /** Draws, in one statement, the keys that {@code next} records need at most, unless they are drawn already. */
    void reserveFor(List<ParsedRecord> next) throws SQLException {
        int rows = 0;
        for (ParsedRecord r : next) {
            rows += r.item().filter(JdbcImportWriter::isSpecimen).isPresent() ? 2 : 1;
        }
        if (!ids.hasReserved(rows)) {
            settle();
            ids.reserve(rows);
        }
    }

    /** The next key; drawing more keys waits for a streaming write first. */
    private long key() throws SQLException {
        if (!ids.hasReserved(1)) {
            settle();
        }
        return ids.next();
    }

    /** Whether a record may add a specimen, which takes a key besides its import record's. */
    private static boolean isSpecimen(ImportItem item) {
        return item instanceof ImportItem.UrineScreen || item instanceof ImportItem.LabUrineScreen;
    }

    void specimen(NewSpecimen s, Actor actor) throws SQLException {
        long id = key();
        OffsetDateTime collected = s.entry().collectedAt().withOffsetSameInstant(ZoneOffset.UTC);
        screens.add(new Object[] {id, s.visit().id(), s.entry().specimenId(), collected, s.entry().source().name(),
            s.entry().validity().name(), FIRST_VERSION});
        for (AnalyteEntry a : s.entry().results()) {
            analytes.add(new Object[] {id, a.analyte().loinc(), a.result().name(),
                orNull(a.cutoffNgMl(), Types.NUMERIC), orNull(a.concentrationNgMl(), Types.NUMERIC)});
        }
        audit.inserted(actor, UrineDrugScreen.AUDIT_TYPE, Long.toString(id), s.subjectId(), UrineScreenRules.auditState(
                s.visit().definition().code(), s.entry().specimenId(), collected, s.entry().source(),
                s.entry().validity(), s.entry().results()));
    }

    /** An import record; its text is copied only if its outcome needs a data manager ({@link RecordText}). */
    void record(long batchId, int recordNo, String raw, Optional<String> subjectNumber, Outcome outcome)
            throws SQLException {
        RecordText.Kept kept = RecordText.kept(raw, outcome.status());
        records.add(new Object[] {key(), batchId, recordNo, orNull(kept.copy(), Types.VARCHAR),
            orNull(kept.crc(), Types.INTEGER), outcome.status().name(),
            orNull(outcome.reason(), Types.VARCHAR), orNull(subjectNumber, Types.VARCHAR)});
    }

    int pendingRecords() {
        return records.size();
    }

    /**
     * Writes everything held, parents before children (the batches received by this transaction with their payloads,
     * then the specimens, results and import records), with the audit records, the chain's new head and the batches
     * marked processed; the connection is free for other statements when it returns. A small write
     * ({@link BulkWrite}) is one statement for the rows (a laboratory group's), then the audit records and the
     * chain's new head as a second. The chain head is locked between the two, at the first write that has audit
     * records, and stays locked to the end of the transaction, so it is held for the audit records and the commit
     * only. A large write (a file's) is a {@code COPY} per table, the analyte results' last, after the audit records.
     */
    void write() throws SQLException {
        write(false);
    }

    /**
     * As {@link #write()}, except that a large write's last {@code COPY}, of the analyte results, the largest table,
     * is left running on the server ({@link BulkRows#stream}) while the caller reads and checks the next records in
     * memory. The writer's next use of the connection waits for it first ({@link #settle}); the caller must call
     * {@link #settle} before anything else uses the connection.
     */
    void writeAndGoOn() throws SQLException {
        write(true);
    }

    private void write(boolean goOn) throws SQLException {
        settle();
        List<Object[]> newBatches = new ArrayList<>();
        List<Object[]> payloads = new ArrayList<>();
        for (Held h : held.values()) {
            ImportBatch b = h.batch();
            newBatches.add(concat(outcome(b), new Object[] {b.study().id(), b.channel().name(), b.format().name(),
                orNull(b.siteCode(), Types.VARCHAR), b.fileName(), b.checksum(), orNull(b.sourceId(), Types.VARCHAR),
                b.sizeBytes(), b.receivedAt().withOffsetSameInstant(ZoneOffset.UTC), b.receivedBy()}));
            payloads.add(new Object[] {b.id(), h.content()});
        }
        List<BulkWrite.Part> before = List.of(BulkWrite.Part.insert(NEW_BATCH, newBatches),
                BulkWrite.Part.insert(PAYLOAD, payloads), BulkWrite.Part.insert(SCREEN, screens));
        List<BulkWrite.Part> after = List.of(BulkWrite.Part.insert(RECORD, records),
                BulkWrite.Part.update(BATCH, processed));
        BulkWrite.Part results = BulkWrite.Part.insert(ANALYTE, analytes);
        List<BulkWrite.Part> all = Stream.of(before, List.of(results), after).flatMap(List::stream).toList();
        if (BulkWrite.partByPart(connection, all)) {
            BulkWrite.eachPart(connection, Stream.concat(before.stream(), after.stream()).toList());
            BulkWrite.write(connection, audit.drain());
            BulkRows.Streaming copy = ANALYTE.stream(connection, analytes);
            if (goOn) {
                streaming = Optional.of(copy);
            } else {
                copy.end();
            }
        } else {
            BulkWrite.write(connection, all);
            BulkWrite.write(connection, audit.drain());
        }
        screens.clear();
        analytes.clear();
        records.clear();
        processed.clear();
        held.clear();
    }

    /** Waits for the end of a write left running ({@link #writeAndGoOn}) and throws its failure, if any. */
    void settle() throws SQLException {
        if (streaming.isPresent()) {
            BulkRows.Streaming copy = streaming.get();
            streaming = Optional.empty();
            copy.end();
        }
    }

    /** Abandons a write left running, after a failure, so that the transaction can roll back. */
    void abandon() throws SQLException {
        if (streaming.isPresent()) {
            BulkRows.Streaming copy = streaming.get();
            streaming = Optional.empty();
            copy.cancel();
        }
    }

    /**
     * Marks the batches, whose records are all applied, processed with their counts at the next {@link #write()}: a
     * batch held and not yet written is inserted so; the others are updated. The caller detaches their entities,
     * so that JPA does not write them again.
     */
    void processed(List<ImportBatch> batches) {
        for (ImportBatch b : batches) {
            if (!held.containsKey(b.id())) {
                processed.add(outcome(b));
            }
        }
    }

    /** The values of {@link #OUTCOME}. */
    private static Object[] outcome(ImportBatch b) {
        Reconciliation c = b.reconciliation();
        return new Object[] {b.id(), b.status().name(), orNull(b.rejectionReason(), Types.VARCHAR),
            orNull(b.processedAt().map(t -> t.withOffsetSameInstant(ZoneOffset.UTC)), Types.TIMESTAMP_WITH_TIMEZONE),
            c.received(), c.accepted(), c.quarantined(), c.duplicates(), c.conflicts()};
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static Object orNull(Optional<?> value, int sqlType) {
        return value.isPresent() ? value.get() : new BulkRows.Null(sqlType);
    }
}
