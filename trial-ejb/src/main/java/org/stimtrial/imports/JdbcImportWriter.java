package org.stimtrial.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * version 1, the audit records of {@link UrineScreenRules#auditState}), with the batches' counts at their end; the
 * audit chain head is locked at the first write of audit records ({@link JdbcAuditAppender}) and stays locked to the
 * end of the transaction.
 */
final class JdbcImportWriter {
    private static final BulkRows SCREEN = new BulkRows("urine_drug_screen", List.of("id bigint", "visit_id bigint",
            "specimen_id varchar", "collected_at timestamptz", "source varchar", "specimen_validity varchar",
            "version bigint"));
    private static final BulkRows ANALYTE = new BulkRows("uds_analyte_result", List.of("id bigint", "screen_id bigint",
            "loinc_code varchar", "result varchar", "cutoff_ng_ml numeric", "concentration_ng_ml numeric"));
    private static final BulkRows RECORD = new BulkRows("import_record", List.of("id bigint", "batch_id bigint",
            "record_no int", "raw varchar", "status varchar", "reason varchar", "subject_number varchar"));
    private static final BulkRows BATCH = new BulkRows("import_batch", List.of("id bigint", "status varchar",
            "processed_at timestamptz", "records_received int", "records_accepted int", "records_quarantined int",
            "records_duplicate int", "records_conflict int"));
    /** The version JPA gives a new row. */
    private static final long FIRST_VERSION = 1;

    private final Connection connection;
    private final JdbcEntityIds ids;
    private final JdbcAuditAppender audit;
    private final List<Object[]> screens = new ArrayList<>();
    private final List<Object[]> analytes = new ArrayList<>();
    private final List<Object[]> records = new ArrayList<>();
    private final List<Object[]> processed = new ArrayList<>();

    private JdbcImportWriter(Connection connection, Clock clock) throws SQLException {
        this.connection = connection;
        this.audit = JdbcAuditAppender.on(connection, clock);
        this.ids = new JdbcEntityIds(connection);
    }

    /** A writer on the transaction's connection; its audit records are stamped with the time they are written. */
    static JdbcImportWriter open(Connection connection, Clock clock) throws SQLException {
        return new JdbcImportWriter(connection, clock);
    }

    /** Reads the chain head again after records were appended through JPA (everything held must be written). */
    void chainHeadMoved() {
        if (!records.isEmpty() || !screens.isEmpty()) {
            throw new IllegalStateException("write the bulk rows before appending audit records through JPA");
        }
        audit.headMoved();
    }

    /** Draws, in one statement, the keys that {@code next} records need at most. */
    void reserveFor(List<ParsedRecord> next) throws SQLException {
        int rows = 0;
        for (ParsedRecord r : next) {
            rows += 1 + r.item().map(JdbcImportWriter::specimenRows).orElse(0);
        }
        ids.reserve(rows);
    }

    private static int specimenRows(ImportItem item) {
        if (item instanceof ImportItem.UrineScreen u) {
            return 1 + u.entry().results().size();
        }
        return item instanceof ImportItem.LabUrineScreen lab ? 1 + lab.results().size() : 0;
    }

    void specimen(NewSpecimen s, Actor actor) throws SQLException {
        long id = ids.next();
        OffsetDateTime collected = s.entry().collectedAt().withOffsetSameInstant(ZoneOffset.UTC);
        screens.add(new Object[] {id, s.visit().id(), s.entry().specimenId(), collected, s.entry().source().name(),
            s.entry().validity().name(), FIRST_VERSION});
        for (AnalyteEntry a : s.entry().results()) {
            analytes.add(new Object[] {ids.next(), id, a.analyte().loinc(), a.result().name(),
                orNull(a.cutoffNgMl(), Types.NUMERIC), orNull(a.concentrationNgMl(), Types.NUMERIC)});
        }
        audit.inserted(actor, UrineDrugScreen.AUDIT_TYPE, Long.toString(id), s.subjectId(), UrineScreenRules.auditState(
                s.visit().definition().code(), s.entry().specimenId(), collected, s.entry().source(),
                s.entry().validity(), s.entry().results()));
    }

    void record(long batchId, int recordNo, String raw, Optional<String> subjectNumber, Outcome outcome)
            throws SQLException {
        records.add(new Object[] {ids.next(), batchId, recordNo, raw, outcome.status().name(),
            orNull(outcome.reason(), Types.VARCHAR), orNull(subjectNumber, Types.VARCHAR)});
    }

    int pendingRecords() {
        return records.size();
    }

    /**
     * Writes everything held, parents before children, with the audit records, the chain's new head and the batches
     * marked processed ({@link BulkWrite}: one statement for a laboratory group's rows, {@code COPY} per table for a
     * file's). The chain head is locked just before, at the first write that has audit records, and stays locked to
     * the end of the transaction.
     */
    void write() throws SQLException {
        List<BulkWrite.Part> parts = new ArrayList<>(List.of(BulkWrite.Part.insert(SCREEN, screens),
                BulkWrite.Part.insert(ANALYTE, analytes), BulkWrite.Part.insert(RECORD, records)));
        parts.addAll(audit.drain());
        parts.add(BulkWrite.Part.update(BATCH, processed));
        BulkWrite.write(connection, parts);
        screens.clear();
        analytes.clear();
        records.clear();
        processed.clear();
    }

    /** A batch whose records are all applied, with its counts. */
    record Processed(long batchId, Reconciliation counts, OffsetDateTime at) {
    }

    /**
     * Marks the batches processed with their counts at the next {@link #write()}. The caller detaches their entities,
     * so that JPA does not write them again.
     */
    void processed(List<Processed> batches) {
        for (Processed b : batches) {
            Reconciliation c = b.counts();
            processed.add(new Object[] {b.batchId(), BatchStatus.PROCESSED.name(),
                b.at().withOffsetSameInstant(ZoneOffset.UTC), c.received(), c.accepted(), c.quarantined(),
                c.duplicates(), c.conflicts()});
        }
    }

    private static Object orNull(Optional<?> value, int sqlType) {
        return value.isPresent() ? value.get() : new BulkRows.Null(sqlType);
    }
}
