package org.stimtrial.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
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
import org.stimtrial.shared.JdbcEntityIds;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.UrineDrugScreen;
import org.stimtrial.visit.UrineScreenRules;

/**
 * The bulk import path's writes: new specimens with their analyte results and audit records, and the batches' import
 * records, held in memory and written in bulk ({@link BulkRows}) on the transaction's connection by {@link #write()}.
 * The rows are those that data entry and {@link ImportRecord} write through JPA (the same columns, the initial
 * version 1, the audit records of {@link UrineScreenRules#auditState}); the chain head stays locked from the writer's
 * opening to the end of the transaction.
 */
final class JdbcImportWriter {
    private static final BulkRows SCREEN = new BulkRows("urine_drug_screen", List.of("id", "visit_id", "specimen_id",
            "collected_at", "source", "specimen_validity", "version"));
    private static final BulkRows ANALYTE = new BulkRows("uds_analyte_result", List.of("id", "screen_id",
            "loinc_code", "result", "cutoff_ng_ml", "concentration_ng_ml"));
    private static final BulkRows RECORD = new BulkRows("import_record", List.of("id", "batch_id", "record_no",
            "raw", "status", "reason", "subject_number"));
    /** The version JPA gives a new row. */
    private static final long FIRST_VERSION = 1;

    private final Connection connection;
    private final JdbcEntityIds ids;
    private JdbcAuditAppender audit;
    private final List<Object[]> screens = new ArrayList<>();
    private final List<Object[]> analytes = new ArrayList<>();
    private final List<Object[]> records = new ArrayList<>();

    private JdbcImportWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.audit = JdbcAuditAppender.lockHead(connection);
        this.ids = new JdbcEntityIds(connection);
    }

    /** A writer on the transaction's connection, with the audit chain head locked from now on. */
    static JdbcImportWriter open(Connection connection) throws SQLException {
        return new JdbcImportWriter(connection);
    }

    /** Reads the chain head again after records were appended through JPA (everything held must be written). */
    void chainHeadMoved() throws SQLException {
        if (!records.isEmpty() || !screens.isEmpty()) {
            throw new IllegalStateException("write the bulk rows before appending audit records through JPA");
        }
        audit = JdbcAuditAppender.lockHead(connection);
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

    void specimen(NewSpecimen s, Actor actor, OffsetDateTime now) throws SQLException {
        long id = ids.next();
        OffsetDateTime collected = s.entry().collectedAt().withOffsetSameInstant(ZoneOffset.UTC);
        screens.add(new Object[] {id, s.visit().id(), s.entry().specimenId(), collected, s.entry().source().name(),
            s.entry().validity().name(), FIRST_VERSION});
        for (AnalyteEntry a : s.entry().results()) {
            analytes.add(new Object[] {ids.next(), id, a.analyte().loinc(), a.result().name(),
                orNull(a.cutoffNgMl(), Types.NUMERIC), orNull(a.concentrationNgMl(), Types.NUMERIC)});
        }
        audit.inserted(actor, UrineDrugScreen.AUDIT_TYPE, Long.toString(id), s.subject().id(), UrineScreenRules.auditState(
                s.visit().definition().code(), s.entry().specimenId(), collected, s.entry().source(),
                s.entry().validity(), s.entry().results()), now);
    }

    void record(long batchId, int recordNo, String raw, Optional<String> subjectNumber, Outcome outcome)
            throws SQLException {
        records.add(new Object[] {ids.next(), batchId, recordNo, raw, outcome.status().name(),
            orNull(outcome.reason(), Types.VARCHAR), orNull(subjectNumber, Types.VARCHAR)});
    }

    int pendingRecords() {
        return records.size();
    }

    /** Writes everything held, parents before children, and the audit records with the chain's new head. */
    void write() throws SQLException {
        batch(SCREEN, screens);
        batch(ANALYTE, analytes);
        batch(RECORD, records);
        audit.write();
    }

    private void batch(BulkRows table, List<Object[]> rows) throws SQLException {
        table.write(connection, rows);
        rows.clear();
    }

    private static Object orNull(Optional<?> value, int sqlType) {
        return value.isPresent() ? value.get() : new BulkRows.Null(sqlType);
    }
}
