package org.stimtrial.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
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
 * version 1, the audit records of {@link UrineScreenRules#auditState}); the audit chain head is locked at the first
 * write of audit records ({@link JdbcAuditAppender}) and stays locked to the end of the transaction.
 */
final class JdbcImportWriter {
    private static final BulkRows SCREEN = new BulkRows("urine_drug_screen", List.of("id bigint", "visit_id bigint",
            "specimen_id varchar", "collected_at timestamptz", "source varchar", "specimen_validity varchar",
            "version bigint"));
    private static final BulkRows ANALYTE = new BulkRows("uds_analyte_result", List.of("id bigint", "screen_id bigint",
            "loinc_code varchar", "result varchar", "cutoff_ng_ml numeric", "concentration_ng_ml numeric"));
    private static final BulkRows RECORD = new BulkRows("import_record", List.of("id bigint", "batch_id bigint",
            "record_no int", "raw varchar", "status varchar", "reason varchar", "subject_number varchar"));
    /** The version JPA gives a new row. */
    private static final long FIRST_VERSION = 1;

    private final Connection connection;
    private final JdbcEntityIds ids;
    private final JdbcAuditAppender audit;
    private final List<Object[]> screens = new ArrayList<>();
    private final List<Object[]> analytes = new ArrayList<>();
    private final List<Object[]> records = new ArrayList<>();

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
     * Writes everything held, parents before children ({@link BulkWrite}: one statement for a laboratory message's
     * rows, {@code COPY} per table for a file's), and then the audit records with the chain's new head (the head's
     * lock is taken last, so that it is held as briefly as the transaction allows).
     */
    void write() throws SQLException {
        BulkWrite.write(connection, List.of(new BulkWrite.Part(SCREEN, screens), new BulkWrite.Part(ANALYTE, analytes),
                new BulkWrite.Part(RECORD, records)), Optional.empty());
        screens.clear();
        analytes.clear();
        records.clear();
        audit.write();
    }

    /** A batch whose records are all applied, with its counts. */
    record Processed(long batchId, Reconciliation counts, OffsetDateTime at) {
    }

    /**
     * Marks the batches processed with their counts, in one statement on PostgreSQL (an update joined to a
     * {@code VALUES} list) and in one JDBC batch elsewhere. The caller detaches their entities, so that JPA does not
     * write them again.
     */
    void processed(List<Processed> batches) throws SQLException {
        if (batches.isEmpty()) {
            return;
        }
        if (connection.isWrapperFor(PGConnection.class)) {
            StringBuilder sql = new StringBuilder("UPDATE import_batch AS b SET status = v.status, processed_at = v.at,"
                    + " records_received = v.r, records_accepted = v.a, records_quarantined = v.q,"
                    + " records_duplicate = v.d, records_conflict = v.c FROM (VALUES ");
            for (int i = 0; i < batches.size(); i++) {
                sql.append(i == 0 ? "(?::bigint, ?::varchar, ?::timestamptz, ?::int, ?::int, ?::int, ?::int, ?::int)"
                        : ", (?, ?, ?, ?, ?, ?, ?, ?)");
            }
            sql.append(") AS v(id, status, at, r, a, q, d, c) WHERE b.id = v.id");
            try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (Processed b : batches) {
                    update.setLong(p++, b.batchId());
                    p = bindCounts(update, p, b);
                }
                update.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE import_batch SET status = ?,"
                + " processed_at = ?, records_received = ?, records_accepted = ?, records_quarantined = ?,"
                + " records_duplicate = ?, records_conflict = ? WHERE id = ?")) {
            for (Processed b : batches) {
                update.setLong(bindCounts(update, 1, b), b.batchId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Binds status, time and counts from parameter {@code first}; returns the next parameter's index. */
    private static int bindCounts(PreparedStatement update, int first, Processed b) throws SQLException {
        int p = first;
        update.setString(p++, BatchStatus.PROCESSED.name());
        update.setObject(p++, b.at().withOffsetSameInstant(ZoneOffset.UTC));
        update.setInt(p++, b.counts().received());
        update.setInt(p++, b.counts().accepted());
        update.setInt(p++, b.counts().quarantined());
        update.setInt(p++, b.counts().duplicates());
        update.setInt(p++, b.counts().conflicts());
        return p;
    }

    private static Object orNull(Optional<?> value, int sqlType) {
        return value.isPresent() ? value.get() : new BulkRows.Null(sqlType);
    }
}
