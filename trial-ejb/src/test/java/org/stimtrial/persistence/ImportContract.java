package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditChainVerifier;
import org.stimtrial.audit.AuditService;
import org.stimtrial.audit.AuditView;
import org.stimtrial.audit.Source;
import org.stimtrial.imports.BatchStatus;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.ImportService;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.imports.ImportViews.RecordView;
import org.stimtrial.imports.Reconciliation;
import org.stimtrial.imports.RecordStatus;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.FormViews.UrineScreenView;
import org.stimtrial.visit.QualitativeResult;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitStatus;

/**
 * The import pipeline (run on H2 and on PostgreSQL): the example files land on the right participants and visits
 * with audit records naming the batch; the bulk path writes what data entry writes; the same file twice creates
 * nothing; a crash between storing and applying is completed later; bad records are quarantined with their reasons
 * and can be corrected; a value entered by hand is never overwritten.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportContract {
    private static final String STUDY = "STIM-301";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Actor COORDINATOR = Actor.of("coordinator", Source.API);
    private static final Actor DATA_MANAGER = Actor.of("datamanager", Source.API);
    private static final String URINE_HEADER =
            "site,screening_number,visit,specimen_id,collected_at,source,validity,loinc,result,cutoff_ng_ml\n";

    private Database db;
    private ImportService imports;
    private VisitService visits;
    private UrineScreenService screens;
    private AuditService audit;
    private SubjectService subjects;

    abstract DataSource dataSource() throws Exception;

    @BeforeAll
    void setUp() throws Exception {
        ImportFixture fixture = ImportFixture.of(dataSource(), TODAY);
        db = fixture.db();
        imports = fixture.imports();
        visits = fixture.visits();
        screens = fixture.screens();
        audit = fixture.audit();
        subjects = fixture.subjects();
        for (String number : List.of("S01-0701", "S01-0702", "S01-0703", "S01-0704", "S01-0705", "S01-0706",
                "S01-0707", "S01-0708", "S01-0709", "S02-0701")) {
            String site = number.substring(0, 3);
            db.tx(() -> subjects.screen(STUDY, new ScreeningEntry(number, site, Sex.M, 1980, TODAY.minusDays(40)),
                    COORDINATOR));
            db.tx(() -> visits.recordVisit(STUDY, number, "BL", new VisitEntry(VisitStatus.DONE,
                    TODAY.minusDays(21)), null, null, COORDINATOR));
            db.tx(() -> visits.recordVisit(STUDY, number, "W01", new VisitEntry(VisitStatus.DONE,
                    TODAY.minusDays(14)), null, null, COORDINATOR));
        }
    }

    /**
     * An import locks its participants' rows before it reads their specimens, and only theirs: while another
     * transaction holds participant 0709 (as an import applying it would), a file for 0708 is applied, and a file for
     * 0709 waits; given up after a lock timeout, it has written nothing and is applied once the holder has finished.
     */
    @Test
    void anImportWaitsForItsOwnParticipantsOnly() throws Exception {
        byte[] held = (URINE_HEADER + urine("S01-0709", "W01", "SP-7091", "NEGATIVE")).getBytes(StandardCharsets.UTF_8);
        Receipt waiting = db.tx(() -> imports.receive(new Delivery(STUDY, ImportChannel.SITE_FOLDER,
                ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"), "held.csv", "import"), held));
        long audits;
        try (Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM subject WHERE screening_number = ?"
                    + " FOR UPDATE")) {
                lock.setString(1, "S01-0709");
                lock.executeQuery().close();
            }
            BatchView free = deliver("free.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"),
                    URINE_HEADER + urine("S01-0708", "W01", "SP-7081", "NEGATIVE"));
            assertEquals(new Reconciliation(1, 1, 0, 0, 0), free.reconciliation());
            audits = db.count("audit_record");
            assertThrows(PersistenceException.class, () -> db.tx(() -> {
                shortLockTimeout(db.em().unwrap(Connection.class));
                return imports.process(waiting.batchId(), held);
            }));
            holder.rollback();
        }
        assertEquals(audits, db.count("audit_record"), "the import that gave up wrote nothing");
        assertEquals(0, screens.screens(STUDY, "S01-0709", "W01").size());
        BatchView applied = db.tx(() -> imports.process(waiting.batchId(), held));
        assertEquals(new Reconciliation(1, 1, 0, 0, 0), applied.reconciliation());
        assertEquals(1, screens.screens(STUDY, "S01-0709", "W01").size());
    }

    /** Makes the connection's transaction give up waiting for a row lock after a short time. */
    private static void shortLockTimeout(Connection connection) {
        try (Statement s = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            s.execute(postgres ? "SET LOCAL lock_timeout = '300ms'" : "SET LOCK_TIMEOUT 300");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    /** Stores a file and applies it from the bytes in hand, as the routes, the upload page and the API do. */
    private BatchView deliver(String name, ImportFormat format, Optional<String> site, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        Receipt receipt = db.tx(() -> imports.receive(new Delivery(STUDY, ImportChannel.SITE_FOLDER, format, site,
                name, "import"), content));
        return db.tx(() -> imports.process(receipt.batchId(), content));
    }

    private static String urine(String number, String visit, String specimen, String result) {
        String site = number.substring(0, 3);
        return site + "," + number + "," + visit + "," + specimen + ",2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,"
                + result + ",500\n" + site + "," + number + "," + visit + "," + specimen
                + ",2026-06-16T09:30:00Z,SITE_POC,VALID,19554-5," + result + ",500\n";
    }

    @Test
    void aSiteFileLandsOnTheRightVisitsWithAuditRecordsNamingTheBatch() {
        BatchView batch = deliver("s01-urine.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"),
                URINE_HEADER + urine("S01-0701", "W01", "SP-7011", "NEGATIVE")
                        + urine("S01-0702", "W01", "SP-7021", "positive"));
        assertEquals(BatchStatus.PROCESSED, batch.status());
        assertEquals(new Reconciliation(2, 2, 0, 0, 0), batch.reconciliation());
        assertEquals(2, screens.screens(STUDY, "S01-0701", "W01").get(0).results().size());
        AuditView record = audit.subjectTrail(STUDY, "S01-0702").stream()
                .filter(a -> a.entity().equals("UrineDrugScreen") && a.field().equals("specimenId")
                        && a.newValue().equals("SP-7021")).findFirst().orElseThrow();
        assertEquals("IMPORT", record.source());
        assertEquals("import batch " + batch.id() + " record 2", record.sourceRef());
    }

    @Test
    void theBulkPathWritesWhatDataEntryWritesAndKeepsTheAuditChainIntact() throws Exception {
        UrineScreenEntry entry = new UrineScreenEntry("SP-BULK", OffsetDateTime.parse("2026-06-16T09:30:00Z"),
                SpecimenSource.SITE_POC, SpecimenValidity.VALID, List.of(
                        new AnalyteEntry(Analyte.byLoinc("19343-3").orElseThrow(), QualitativeResult.NEGATIVE,
                                Optional.of(new BigDecimal("500.0"))),
                        new AnalyteEntry(Analyte.byLoinc("19554-5").orElseThrow(), QualitativeResult.POSITIVE,
                                Optional.empty())));
        db.tx(() -> screens.addScreen(STUDY, "S01-0705", "W01", entry, COORDINATOR));
        UrineScreenView byHand = screens.screens(STUDY, "S01-0705", "W01").get(0);
        String rows = "S01,%s,%s,SP-BULK,2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500.0\n"
                + "S01,%s,%s,SP-BULK,2026-06-16T09:30:00Z,SITE_POC,VALID,19554-5,POSITIVE,\n";
        BatchView batch = deliver("bulk.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"), URINE_HEADER
                + rows.formatted("S01-0706", "W01", "S01-0706", "W01")
                + rows.formatted("S01-0705", "W01", "S01-0705", "W01")
                + rows.formatted("S01-0706", "BL", "S01-0706", "BL"));
        assertEquals(new Reconciliation(3, 2, 0, 1, 0), batch.reconciliation(), "the middle record went the full"
                + " way, as a duplicate of the one entered by hand");
        UrineScreenView imported = screens.screens(STUDY, "S01-0706", "W01").get(0);
        assertEquals(analytes(byHand), analytes(imported));
        assertEquals(byHand.negative(), imported.negative());
        assertEquals(byHand.version(), imported.version());
        assertEquals(byHand.collectedAt().toInstant(), imported.collectedAt().toInstant());
        assertEquals(fieldsAudited("S01-0705", byHand.id()), fieldsAudited("S01-0706", imported.id()));
        try (var c = db.dataSource().getConnection()) {
            assertTrue(new AuditChainVerifier().verify(c).isIntact());
        }
        UrineScreenEntry corrected = new UrineScreenEntry("SP-BULK", entry.collectedAt(), entry.source(),
                entry.validity(), List.of(entry.results().get(0), new AnalyteEntry(entry.results().get(1).analyte(),
                        QualitativeResult.NEGATIVE, Optional.empty())));
        UrineScreenView changed = db.tx(() -> screens.changeScreen(STUDY, "S01-0706", "W01", "SP-BULK", corrected,
                imported.version(), "transcription error", COORDINATOR));
        assertEquals(imported.version() + 1, changed.version(), "the row written in bulk is versioned as JPA's are");
        assertEquals(changed.version(), number("SELECT version FROM urine_drug_screen WHERE id = " + imported.id()),
                "the version stored is the one shown");
        db.em().clear();
        UrineScreenEntry fewer = new UrineScreenEntry("SP-BULK", entry.collectedAt(), entry.source(), entry.validity(),
                List.of(entry.results().get(0)));
        UrineScreenView one = db.tx(() -> screens.changeScreen(STUDY, "S01-0706", "W01", "SP-BULK", fewer,
                changed.version(), "second analyte not tested", COORDINATOR));
        String kept = entry.results().get(0).analyte().loinc() + " ";
        assertEquals(analytes(changed).stream().filter(a -> a.startsWith(kept)).toList(), analytes(one),
                "a result taken away, the other kept");
        assertEquals(1L, number("SELECT COUNT(*) FROM uds_analyte_result WHERE screen_id = " + imported.id()));
    }

    private static List<String> analytes(UrineScreenView view) {
        return view.results().stream().map(a -> a.loinc() + " " + a.result() + " " + (a.cutoffNgMl() == null ? "-"
                : a.cutoffNgMl().stripTrailingZeros().toPlainString())).toList();
    }

    private List<List<String>> fieldsAudited(String number, long screenId) {
        return audit.subjectTrail(STUDY, number).stream().filter(a -> a.entity().equals("UrineDrugScreen")
                && a.entityId().equals(Long.toString(screenId))).map(a -> Arrays.asList(a.action(), a.field(),
                        a.oldValue(), a.newValue(), a.reason())).toList();
    }

    /**
     * A file of more records than one write holds ({@code BulkApply.WRITE_EVERY}, 500) lands whole: on PostgreSQL
     * each write but the last leaves its analyte results to the server while the next records are read, and a record
     * after the first write goes through the data-entry services (a specimen entered by hand, with another result
     * in the file), which must wait for that write first. Two specimens a week at weeks 1-12 of 42 participants.
     */
    @Test
    void aFileLongerThanOneWriteLandsWholeWithOneAuditRecordPerSpecimen() throws Exception {
        int weeks = 12;
        List<String> numbers = new ArrayList<>();
        for (int p = 0; p < 42; p++) {
            String number = String.format(Locale.ROOT, "S01-08%02d", p);
            numbers.add(number);
            db.tx(() -> {
                subjects.screen(STUDY, new ScreeningEntry(number, "S01", Sex.F, 1990, TODAY.minusDays(110)),
                        COORDINATOR);
                for (int w = 1; w <= weeks; w++) {
                    visits.recordVisit(STUDY, number, String.format(Locale.ROOT, "W%02d", w), new VisitEntry(
                            VisitStatus.DONE, TODAY.minusDays(100 - 7L * w)), null, null, COORDINATOR);
                }
                return null;
            });
        }
        UrineScreenEntry byHand = new UrineScreenEntry("SP-L-HAND", OffsetDateTime.parse("2026-06-16T09:30:00Z"),
                SpecimenSource.SITE_POC, SpecimenValidity.VALID, List.of("19343-3", "19554-5").stream().map(loinc ->
                        new AnalyteEntry(Analyte.byLoinc(loinc).orElseThrow(), QualitativeResult.NEGATIVE,
                                Optional.of(new BigDecimal("500")))).toList());
        db.tx(() -> screens.addScreen(STUDY, numbers.get(0), "W01", byHand, COORDINATOR));
        StringBuilder text = new StringBuilder(URINE_HEADER);
        int records = 1_001;
        for (int i = 0; i < records; i++) {
            int slot = i + 2;
            text.append(i == 600 ? urine(numbers.get(0), "W01", "SP-L-HAND", "POSITIVE")
                    : i == 800 ? urine("S02-0701", "W01", "SP-L-" + i, "NEGATIVE")
                    : urine(numbers.get(slot / (2 * weeks)), String.format(Locale.ROOT, "W%02d",
                            1 + slot % (2 * weeks) / 2), "SP-L-" + i, "NEGATIVE"));
        }
        long lastSeq = number("SELECT COALESCE(MAX(seq), 0) FROM audit_record");
        BatchView batch = deliver("long.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"), text.toString());

        assertEquals(new Reconciliation(records, records - 2, 1, 0, 1), batch.reconciliation());
        List<RecordView> stored = imports.records(STUDY, batch.id());
        assertEquals(records, stored.size());
        assertEquals(RecordStatus.CONFLICT, stored.get(600).status());
        assertEquals(RecordStatus.QUARANTINED, stored.get(800).status());
        assertEquals(records - 1L, number("SELECT COUNT(*) FROM urine_drug_screen WHERE specimen_id LIKE 'SP-L-%'"),
                "every accepted specimen and the one entered by hand");
        assertEquals(2L * (records - 1), number("SELECT COUNT(*) FROM uds_analyte_result r JOIN urine_drug_screen s"
                + " ON s.id = r.screen_id WHERE s.specimen_id LIKE 'SP-L-%'"));
        assertEquals(records - 2L, number("SELECT COUNT(DISTINCT entity_id) FROM audit_record WHERE seq > " + lastSeq
                + " AND entity_type = 'UrineDrugScreen' AND action = 'INSERT'"), "one insert audited per specimen");
        assertEquals(List.of("NEGATIVE NEGATIVE"), screens.screens(STUDY, numbers.get(0), "W01").stream()
                .filter(v -> v.specimenId().equals("SP-L-HAND")).map(v -> v.results().get(0).result() + " "
                        + v.results().get(1).result()).toList(), "the values entered by hand are kept");
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(new AuditChainVerifier().verify(c).isIntact());
        }
    }

    /** The number that {@code sql} reads (a count, a greatest value, an id), read outside JPA. */
    private long number(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theSameFileTwiceIsAcknowledgedAsTheFirstBatchAndCreatesNothing() {
        String text = URINE_HEADER + urine("S01-0703", "W01", "SP-7031", "NEGATIVE");
        BatchView first = deliver("a.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"), text);
        long batches = db.count("import_batch");
        long audits = db.count("audit_record");
        Receipt again = db.tx(() -> imports.receive(new Delivery(STUDY, ImportChannel.SITE_FOLDER,
                ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"), "a-copy.csv", "import"),
                text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(again.duplicate());
        assertEquals(first.id(), again.batchId());
        assertEquals(batches, db.count("import_batch"));
        assertEquals(audits, db.count("audit_record"));
    }

    @Test
    void bytesInHandAreAppliedOnlyWhenTheyAreTheBytesStored() {
        byte[] stored = (URINE_HEADER + urine("S01-0707", "W01", "SP-7071", "NEGATIVE"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] other = (URINE_HEADER + urine("S01-0707", "W01", "SP-7079", "NEGATIVE"))
                .getBytes(StandardCharsets.UTF_8);
        Receipt receipt = db.tx(() -> imports.receive(new Delivery(STUDY, ImportChannel.UPLOAD,
                ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"), "in-hand.csv", "datamanager"), stored));
        BatchView batch = db.tx(() -> imports.process(receipt.batchId(), other));
        assertEquals(new Reconciliation(1, 1, 0, 0, 0), batch.reconciliation());
        assertEquals(List.of("SP-7071"), screens.screens(STUDY, "S01-0707", "W01").stream()
                .map(UrineScreenView::specimenId).toList(), "the stored file is applied, not the other bytes");
    }

    @Test
    void aBatchStoredButNotAppliedBeforeACrashIsCompletedExactlyOnce() {
        String text = URINE_HEADER + urine("S01-0704", "W01", "SP-7041", "NEGATIVE");
        Receipt stored = db.tx(() -> imports.receive(new Delivery(STUDY, ImportChannel.UPLOAD,
                ImportFormat.URINE_SCREEN_CSV, Optional.empty(), "crash.csv", "datamanager"),
                text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(imports.pending().contains(stored.batchId()), "stored, not yet applied");
        for (long id : imports.pending()) {
            db.tx(() -> imports.process(id));
        }
        db.tx(() -> imports.process(stored.batchId()));
        assertFalse(imports.pending().contains(stored.batchId()));
        assertEquals(1, screens.screens(STUDY, "S01-0704", "W01").size(), "exactly one copy");
    }

    @Test
    void badRecordsAreQuarantinedWithTheirReasonsAndTheRestIsSaved() {
        String text = URINE_HEADER
                + urine("S01-0701", "BL", "SP-BL1", "NEGATIVE")
                + "S01,S01-0701,W02,SP-X,2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500\n"
                + "S01,S01-0999,W01,SP-Y,2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500\n"
                + "S01,S01-0702,BL,SP-Z,16/06/2026,SITE_POC,VALID,12345-6,MAYBE,abc\n"
                + "S01,S01-0702,BL,SP-Q,2026-06-16T09:30:00Z,SITE_POC\n"
                + "S01,S02-0701,BL,SP-W,2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500\n";
        BatchView batch = deliver("mixed.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"), text);
        assertEquals(new Reconciliation(6, 1, 5, 0, 0), batch.reconciliation());
        List<RecordView> records = imports.records(STUDY, batch.id());
        assertEquals(RecordStatus.ACCEPTED, records.get(0).status());
        assertTrue(records.get(1).reason().contains("not recorded as done") || records.get(1).reason()
                .contains("W02"), records.get(1).reason());
        assertTrue(records.get(2).reason().contains("S01-0999"), records.get(2).reason());
        String many = records.get(3).reason();
        assertTrue(many.contains("collected_at '16/06/2026'") && many.contains("LOINC '12345-6'")
                && many.contains("result 'MAYBE'") && many.contains("cutoff_ng_ml 'abc'"), many);
        assertTrue(records.get(4).reason().contains("has 6 values; the header has 10"), records.get(4).reason());
        assertTrue(records.get(5).reason().contains("not a participant of site S01"), records.get(5).reason());

        assertTrue(imports.quarantine(STUDY).stream().map(RecordView::id).toList().containsAll(records.subList(1, 6)
                .stream().map(RecordView::id).toList()), "the quarantine list shows the quarantined records");
        RecordView unknown = records.get(2);
        assertThrows(ValidationFailedException.class, () -> db.tx(() -> imports.correct(STUDY, unknown.id(),
                "S01,S01-0998,W01,SP-Y,2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500", DATA_MANAGER)));
        RecordView fixed = db.tx(() -> imports.correct(STUDY, unknown.id(),
                "S01,S01-0703,W01,SP-Y,2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500", DATA_MANAGER));
        assertEquals(RecordStatus.CORRECTED, fixed.status());
        assertEquals("datamanager", fixed.resolvedBy());
        assertTrue(fixed.raw().contains("S01-0999"), "the original text is kept");
        assertEquals(new Reconciliation(6, 2, 4, 0, 0), imports.batch(STUDY, batch.id()).reconciliation());
        assertFalse(imports.quarantine(STUDY).stream().anyMatch(r -> r.id() == unknown.id()));
    }

    /**
     * An accepted record keeps no copy of its text, only the text's checksum; it is shown with the text read again
     * from its batch's payload. A quarantined record keeps its copy. A checksum that no longer matches what the
     * payload gives (as after a reader changed) leaves the text out rather than show another record's.
     */
    @Test
    void anAcceptedRecordsTextIsReadAgainFromItsPayload() throws Exception {
        String first = urine("S01-0708", "BL", "SP-7082", "NEGATIVE");
        String bad = "S01,S01-0998,W01,SP-7084,2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500\n";
        String second = urine("S01-0709", "BL", "SP-7092", "NEGATIVE");
        BatchView batch = deliver("texts.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"),
                URINE_HEADER + first + bad + second);
        assertEquals(new Reconciliation(3, 2, 1, 0, 0), batch.reconciliation());
        assertEquals(2, number("SELECT COUNT(*) FROM import_record WHERE batch_id = " + batch.id()
                + " AND raw IS NULL AND raw_crc32c IS NOT NULL AND status = 'ACCEPTED'"), "no copies of accepted text");
        assertEquals(1, number("SELECT COUNT(*) FROM import_record WHERE batch_id = " + batch.id()
                + " AND raw IS NOT NULL AND raw_crc32c IS NULL AND status = 'QUARANTINED'"));

        List<RecordView> records = imports.records(STUDY, batch.id());
        assertEquals(List.of(first.strip(), bad.strip(), second.strip()), records.stream().map(RecordView::raw)
                .toList());
        assertEquals(List.of("PAYLOAD", "RECORD", "PAYLOAD"), records.stream().map(RecordView::rawFrom).toList());

        db.sql("UPDATE import_record SET raw_crc32c = raw_crc32c + 1 WHERE batch_id = " + batch.id()
                + " AND record_no = 3");
        db.em().clear();
        RecordView changed = imports.records(STUDY, batch.id()).get(2);
        assertEquals("UNAVAILABLE", changed.rawFrom());
        assertEquals(null, changed.raw(), "no text rather than a text the record did not have");
        assertEquals(first.strip(), imports.records(STUDY, batch.id()).get(0).raw(), "the others are still shown");
        assertThrows(IllegalStateException.class, () -> db.sql("UPDATE import_record SET raw_crc32c = NULL"
                + " WHERE batch_id = " + batch.id() + " AND record_no = 1"), "a record keeps its text or its checksum");
    }

    @Test
    void aValueEnteredByHandIsNeverOverwrittenButRaisesAQuery() {
        db.tx(() -> visits.addCraving(STUDY, "S02-0701", "W01", new CravingEntry("VAS", TODAY.minusDays(14),
                Map.of("vas", new BigDecimal("40"))), COORDINATOR));
        String header = "site,screening_number,visit,instrument,assessed_on,item,value\n";
        BatchView batch = deliver("epro.csv", ImportFormat.CRAVING_CSV, Optional.of("S02"), header
                + "S02,S02-0701,W01,VAS," + TODAY.minusDays(14) + ",vas,40\n"
                + "S02,S02-0701,BL,VAS," + TODAY.minusDays(21) + ",vas,77\n");
        assertEquals(new Reconciliation(2, 1, 0, 1, 0), batch.reconciliation());
        BatchView changed = deliver("epro-2.csv", ImportFormat.CRAVING_CSV, Optional.of("S02"), header
                + "S02,S02-0701,W01,VAS," + TODAY.minusDays(14) + ",vas,55\n");
        assertEquals(new Reconciliation(1, 0, 0, 0, 1), changed.reconciliation());
        RecordView conflict = imports.records(STUDY, changed.id()).get(0);
        assertTrue(conflict.queryId() != null && conflict.reason().contains("query"), conflict.reason());
        assertEquals(0, new BigDecimal("40").compareTo(visits.cravings(STUDY, "S02-0701", "W01").get(0).responses()
                .get("vas")), "the entered value is kept");
    }

    @Test
    void filesThatCannotBeReadAreRejectedWholeWithTheReason() {
        assertRejected("", "the file is empty");
        assertRejected("site;screening_number;visit\nS01;S01-0701;W01\n", "separated by ';'");
        assertRejected("site,screening_number,visit\nS01,S01-0701,W01\n", "missing columns: specimen_id");
        assertRejected(URINE_HEADER.replace("\n", ",comment\n") + "x\n", "unexpected columns: comment");
        assertRejected(URINE_HEADER, "header but no records");
        assertRejected(URINE_HEADER + "S01,\"S01-0701,W01", "never closed");
        Receipt latin1 = db.tx(() -> imports.receive(new Delivery(STUDY, ImportChannel.UPLOAD,
                ImportFormat.URINE_SCREEN_CSV, Optional.empty(), "latin1.csv", "datamanager"),
                (URINE_HEADER + "S01,S01-0701,W01,SP-\u00e9").getBytes(StandardCharsets.ISO_8859_1)));
        BatchView b = db.tx(() -> imports.process(latin1.batchId()));
        assertEquals(BatchStatus.REJECTED, b.status());
        assertTrue(b.rejectionReason().contains("not UTF-8"), b.rejectionReason());
    }

    @Test
    void aQuotedNewlineStaysInsideItsValue() {
        BatchView b = deliver("quoted.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"), URINE_HEADER
                + "S01,S01-0702,BL,\"SP\nNL\",2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500\n");
        assertEquals(1, b.reconciliation().received());
        assertEquals("SP\nNL", screens.screens(STUDY, "S01-0702", "BL").stream().filter(s -> s.specimenId()
                .startsWith("SP\n")).findFirst().orElseThrow().specimenId());
    }

    /**
     * The database itself keeps every urine drug screen with its visit and every import record with its batch (H2 by
     * the declared foreign keys, PostgreSQL by the statement-level checks of migration V11), whoever writes to it.
     */
    @Test
    void noScreenOrImportRecordOutlivesOrLacksItsParent() throws Exception {
        BatchView batch = deliver("parents.csv", ImportFormat.URINE_SCREEN_CSV, Optional.of("S01"),
                URINE_HEADER + urine("S01-0707", "BL", "SP-7070", "NEGATIVE"));
        long screen = screens.screens(STUDY, "S01-0707", "BL").get(0).id();
        long visit = number("SELECT visit_id FROM urine_drug_screen WHERE id = " + screen);
        long screensBefore = db.count("urine_drug_screen");
        long recordsBefore = db.count("import_record");
        String payload = "DELETE FROM import_payload WHERE batch_id = " + batch.id();
        assertThrows(IllegalStateException.class, () -> db.sql("INSERT INTO urine_drug_screen (id, visit_id,"
                + " specimen_id, collected_at, source, specimen_validity, version) VALUES (990000011, 990000012,"
                + " 'SP-NONE', CURRENT_TIMESTAMP, 'SITE_POC', 'VALID', 1)"), "no visit");
        assertThrows(IllegalStateException.class, () -> db.sql("UPDATE urine_drug_screen SET visit_id = 990000012"
                + " WHERE id = " + screen), "moved to no visit");
        assertThrows(IllegalStateException.class, () -> db.sql("DELETE FROM visit WHERE id = " + visit),
                "a visit with a screen");
        assertThrows(IllegalStateException.class, () -> db.sql("UPDATE visit SET id = 990000013 WHERE id = "
                + visit), "a visit's id under its screen");
        assertThrows(IllegalStateException.class, () -> db.sql("INSERT INTO import_record (id, batch_id, record_no,"
                + " raw, status) VALUES (990000014, 990000015, 1, 'x', 'ACCEPTED')"), "no batch");
        assertThrows(IllegalStateException.class, () -> db.sql("UPDATE import_record SET batch_id = 990000015 WHERE"
                + " batch_id = " + batch.id()), "moved to no batch");
        assertThrows(SQLException.class, () -> inOneTransaction(payload, "DELETE FROM import_batch WHERE id = "
                + batch.id()), "a batch with records");
        assertThrows(SQLException.class, () -> inOneTransaction(payload, "UPDATE import_batch SET id = 990000016"
                + " WHERE id = " + batch.id()), "a batch's id under its records");
        assertEquals(1, db.sql("UPDATE urine_drug_screen SET specimen_validity = specimen_validity WHERE id = "
                + screen), "a screen that keeps its visit can still be written");
        assertEquals(1, db.sql("UPDATE visit SET status = status WHERE id = " + visit), "so can its visit");
        assertEquals(1, db.sql("UPDATE import_record SET status = status WHERE batch_id = " + batch.id()));

        assertEquals(screensBefore, db.count("urine_drug_screen"));
        assertEquals(recordsBefore, db.count("import_record"));
        assertEquals(1, db.count("import_payload WHERE batch_id = " + batch.id()));
    }

    /**
     * On PostgreSQL a visit without screens that another transaction is giving one cannot be deleted before that
     * transaction ends: the statement-level check of V11 locks the visit as the foreign key did. (H2's declared key
     * does not lock the visit, and its delete goes through.)
     */
    @Test
    void aVisitBeingGivenAScreenCannotBeDeletedMeanwhile() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            assumeTrue(c.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL's check only");
        }
        db.tx(() -> subjects.screen(STUDY, new ScreeningEntry("S01-0710", "S01", Sex.F, 1985, TODAY.minusDays(40)),
                COORDINATOR));
        db.tx(() -> visits.recordVisit(STUDY, "S01-0710", "BL", new VisitEntry(VisitStatus.DONE,
                TODAY.minusDays(21)), null, null, COORDINATOR));
        long otherVisit = number("SELECT v.id FROM visit v JOIN subject s ON s.id = v.subject_id JOIN"
                + " visit_definition d ON d.id = v.visit_definition_id WHERE s.screening_number = 'S01-0710'"
                + " AND d.code = 'BL'");
        try (Connection giver = db.dataSource().getConnection();
             Connection remover = db.dataSource().getConnection()) {
            giver.setAutoCommit(false);
            remover.setAutoCommit(false);
            try (Statement s = giver.createStatement()) {
                s.executeUpdate("INSERT INTO urine_drug_screen (id, visit_id, specimen_id, collected_at, source,"
                        + " specimen_validity, version) VALUES (990000017, " + otherVisit + ", 'SP-GIVEN',"
                        + " CURRENT_TIMESTAMP, 'SITE_POC', 'VALID', 1)");
            }
            shortLockTimeout(remover);
            try (Statement s = remover.createStatement()) {
                SQLException waited = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM visit"
                        + " WHERE id = " + otherVisit), "the visit is being given a screen");
                assertTrue(waited.getMessage().toLowerCase(Locale.ROOT).contains("timeout"), waited.getMessage());
            } finally {
                remover.rollback();
                giver.rollback();
            }
        }
        assertEquals(1, db.count("visit WHERE id = " + otherVisit));
        assertEquals(0, db.count("urine_drug_screen WHERE visit_id = " + otherVisit));
    }

    /** Runs the statements in one transaction and rolls it back, or throws the first statement's failure. */
    private void inOneTransaction(String... statements) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.executeUpdate(statement);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private void assertRejected(String text, String reason) {
        BatchView b = deliver("bad-" + Math.abs(text.hashCode()) + ".csv", ImportFormat.URINE_SCREEN_CSV,
                Optional.of("S01"), text);
        assertEquals(BatchStatus.REJECTED, b.status(), text);
        assertTrue(b.rejectionReason().contains(reason), b.rejectionReason());
    }
}
