package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.stimtrial.imports.Hl7Acknowledgement;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.ImportService;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.imports.ImportViews.RecordView;
import org.stimtrial.imports.Reconciliation;
import org.stimtrial.imports.RecordStatus;
import org.stimtrial.imports.Submission;
import org.stimtrial.shared.Sha256;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.AnalyteResult;
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
 * Central-laboratory results (HL7 v2.5.1 ORU^R01) through the import pipeline, run on H2 and on PostgreSQL: the
 * documented example lands on the visit held that day; a specimen is otherwise matched by the visit windows; a
 * message sent twice (same MSH-10) creates nothing; a laboratory correction replaces the laboratory's own results with
 * an audited reason but never a value changed by hand; what cannot be placed is quarantined and can be corrected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabResultsContract {
    private static final String STUDY = "STIM-301";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Actor COORDINATOR = Actor.of("coordinator", Source.API);
    private static final Actor DATA_MANAGER = Actor.of("datamanager", Source.API);

    private Database db;
    private ImportService imports;
    private UrineScreenService screens;
    private AuditService audit;

    abstract DataSource dataSource() throws Exception;

    @BeforeAll
    void setUp() throws Exception {
        ImportFixture fixture = ImportFixture.of(dataSource(), TODAY);
        db = fixture.db();
        imports = fixture.imports();
        screens = fixture.screens();
        audit = fixture.audit();
        SubjectService subjects = fixture.subjects();
        VisitService visits = fixture.visits();
        for (String number : List.of("S01-0901", "S01-0902", "S01-0903", "S01-0904", "S01-0905",
                "S01-0906")) {
            db.tx(() -> subjects.screen(STUDY, new ScreeningEntry(number, "S01", Sex.F, 1990,
                    LocalDate.of(2026, 10, 20)), COORDINATOR));
        }
        record(visits, "S01-0901", "BL", LocalDate.of(2026, 11, 15));
        record(visits, "S01-0902", "BL", LocalDate.of(2026, 11, 1));
        record(visits, "S01-0902", "W02", LocalDate.of(2026, 11, 15));
        record(visits, "S01-0903", "BL", LocalDate.of(2026, 11, 1));
        record(visits, "S01-0903", "W01", LocalDate.of(2026, 11, 8));
        record(visits, "S01-0904", "BL", LocalDate.of(2026, 11, 1));
        record(visits, "S01-0904", "W01", LocalDate.of(2026, 11, 8));
        record(visits, "S01-0905", "BL", LocalDate.of(2026, 11, 1));
        record(visits, "S01-0905", "W02", LocalDate.of(2026, 11, 15));
        record(visits, "S01-0906", "BL", LocalDate.of(2026, 11, 1));
        record(visits, "S01-0906", "W01", LocalDate.of(2026, 11, 8));
    }

    private void record(VisitService visits, String number, String visit, LocalDate date) {
        db.tx(() -> visits.recordVisit(STUDY, number, visit, new VisitEntry(VisitStatus.DONE, date), null, null,
                COORDINATOR));
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    private record Sent(Receipt receipt, BatchView batch, Hl7Acknowledgement ack) {
    }

    private Sent send(byte[] message) {
        Receipt receipt = db.tx(() -> imports.receive(new Delivery(STUDY, ImportChannel.MLLP,
                ImportFormat.HL7_ORU_R01, Optional.empty(), "mllp 127.0.0.1", "lab-interface"), message));
        BatchView batch = db.tx(() -> imports.process(receipt.batchId()));
        return new Sent(receipt, batch, Hl7Acknowledgement.of(message, batch, receipt.duplicate()));
    }

    private Sent send(String controlId, String number, String specimen, String collected, String... observations) {
        return send(message(controlId, number, specimen, collected, observations));
    }

    private static byte[] message(String controlId, String number, String specimen, String collected,
                                  String... observations) {
        return ("MSH|^~\\&|CENTRAL-LAB|QUESTLAB|STIMTRIAL|STIM-301|20261120100000||ORU^R01|" + controlId
                + "|P|2.5.1\rPID|1||" + number + "\rOBR|1||" + specimen + "||||" + collected + "\r"
                + String.join("\r", observations) + "\r").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A group as the MLLP listener hands it over: the first and third messages read beforehand in their senders'
     * threads ({@link Submission#read()}), the others read in the transaction; a repeat of a message read beforehand
     * is still found, and a message read beforehand is quarantined with the same reason. The group's new batches
     * are stored with their payloads exactly as received, processed or rejected.
     */
    @Test
    void messagesCommittedTogetherAreEachStoredAndAppliedAsAlone() throws Exception {
        Delivery delivery = new Delivery(STUDY, ImportChannel.MLLP, ImportFormat.HL7_ORU_R01, Optional.empty(),
                "mllp 127.0.0.1", "lab-interface");
        String negative = "OBX|1|ST|19343-3^^LN||NEG||||||F";
        List<Submission> sent = List.of(
                new Submission(delivery, message("G-1", "S01-0905", "LAB-G1", "202611150800", negative)).read(),
                new Submission(delivery, message("G-1", "S01-0905", "LAB-G1", "202611150900", negative)),
                new Submission(delivery, message("G-3", "S01-0999", "LAB-G3", "202611150800", negative)).read(),
                new Submission(delivery, message("G-4", "S01-0905", "LAB-G4", "202611150800", negative)),
                new Submission(delivery, "MSH|^~\\&|ADT|HOSP|||20261120||ADT^A01|G-5|P|2.5.1\rPID|1||S01-0905\r"
                        .getBytes(StandardCharsets.UTF_8)).read());
        List<Ingested> group = db.tx(() -> imports.ingestAll(sent));
        assertEquals(5, group.size());
        assertFalse(group.get(0).duplicate());
        assertEquals(new Reconciliation(1, 1, 0, 0, 0), group.get(0).batch().reconciliation());
        assertTrue(group.get(1).duplicate(), "the same MSH-10 earlier in the group");
        assertEquals(group.get(0).batch().id(), group.get(1).batch().id());
        assertEquals(new Reconciliation(1, 0, 1, 0, 0), group.get(2).batch().reconciliation());
        assertTrue(imports.records(STUDY, group.get(2).batch().id()).get(0).reason().contains("S01-0999"));
        assertEquals(new Reconciliation(1, 1, 0, 0, 0), group.get(3).batch().reconciliation());
        assertEquals(BatchStatus.REJECTED, group.get(4).batch().status());
        for (Ingested answered : group) {
            BatchView stored = db.tx(() -> imports.batch(STUDY, answered.batch().id()));
            assertEquals(answered == group.get(4) ? BatchStatus.REJECTED : BatchStatus.PROCESSED, stored.status(),
                    "the group's batches are stored as they ended");
            assertEquals(answered.batch().rejectionReason(), stored.rejectionReason());
            assertEquals(answered.batch().reconciliation(), stored.reconciliation());
            assertEquals(answered.batch().processedAt().toInstant(), stored.processedAt().toInstant());
        }
        for (int i : new int[] {0, 2, 3, 4}) {
            assertStoredAsReceived(group.get(i).batch().id(), sent.get(i).content());
        }
        assertEquals(1, screens.screens(STUDY, "S01-0905", "W02").stream().filter(s -> s.specimenId()
                .equals("LAB-G1")).count());
        screen("S01-0905", "W02", "LAB-G4");
        assertTrue(send(message("G-1", "S01-0905", "LAB-G1", "202611150800", negative)).receipt().duplicate());
        try (var c = db.dataSource().getConnection()) {
            assertTrue(new AuditChainVerifier().verify(c).isIntact());
        }
    }

    private void assertStoredAsReceived(long batchId, byte[] content) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT"
                + " b.checksum, b.size_bytes, b.received_by, b.file_name, p.content FROM import_batch b"
                + " JOIN import_payload p ON p.batch_id = b.id WHERE b.id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "batch " + batchId + " and its payload are stored");
                assertEquals(Sha256.hex(content), rs.getString(1));
                assertEquals(content.length, rs.getLong(2));
                assertEquals("lab-interface", rs.getString(3));
                assertEquals("mllp 127.0.0.1", rs.getString(4));
                assertArrayEquals(content, rs.getBytes(5));
            }
        }
    }

    private UrineScreenView screen(String number, String visit, String specimen) {
        return screens.screens(STUDY, number, visit).stream().filter(s -> s.specimenId().equals(specimen))
                .findFirst().orElseThrow(() -> new AssertionError(specimen + " is not at " + number + " " + visit));
    }

    @Test
    void theDocumentedExampleLandsOnTheVisitHeldThatDayWithAuditRecords() throws IOException {
        Sent sent = send(Files.readAllBytes(Path.of("../docs/examples/lab-results.hl7")));
        assertEquals(BatchStatus.PROCESSED, sent.batch().status());
        assertEquals(new Reconciliation(1, 1, 0, 0, 0), sent.batch().reconciliation());
        assertEquals(Hl7Acknowledgement.Code.AA, sent.ack().code());
        UrineScreenView screen = screen("S01-0901", "BL", "LAB-778812");
        assertEquals("CENTRAL_LAB", screen.source());
        assertEquals(3, screen.results().size());
        assertEquals(OffsetDateTime.parse("2026-11-15T17:45:00Z").toInstant(), screen.collectedAt().toInstant());
        AuditView created = audit.subjectTrail(STUDY, "S01-0901").stream().filter(a -> a.entity()
                .equals("UrineDrugScreen") && a.field().equals("specimenId")).findFirst().orElseThrow();
        assertEquals("IMPORT", created.source());
        assertEquals("import batch " + sent.batch().id() + " record 1", created.sourceRef());

        long batches = db.count("import_batch");
        long audits = db.count("audit_record");
        String resent = Files.readString(Path.of("../docs/examples/lab-results.hl7"), StandardCharsets.UTF_8)
                .replace("20261115143000-0800", "20261115150000-0800");
        Sent again = send(resent.getBytes(StandardCharsets.UTF_8));
        assertTrue(again.receipt().duplicate(), "the same MSH-10 from the same facility is the same message");
        assertEquals(sent.batch().id(), again.batch().id());
        assertEquals(Hl7Acknowledgement.Code.AA, again.ack().code());
        assertEquals(batches, db.count("import_batch"));
        assertEquals(audits, db.count("audit_record"));
    }

    @Test
    void aSpecimenIsMatchedToAVisitByItsWindowInTheSiteTimeZone() {
        Sent sent = send("W-1", "S01-0902", "LAB-W02", "202611142330",
                "OBX|1|ST|19343-3^^LN||NEG||||||F", "OBX|2|ST|19554-5^^LN||NEG||||||F");
        assertEquals(new Reconciliation(1, 1, 0, 0, 0), sent.batch().reconciliation());
        UrineScreenView screen = screen("S01-0902", "W02", "LAB-W02");
        assertTrue(screen.negative());
        assertEquals(OffsetDateTime.parse("2026-11-15T07:30:00Z").toInstant(), screen.collectedAt().toInstant(),
                "a time without an offset is the site's local time (Los Angeles)");

        Sent outside = send("W-2", "S01-0902", "LAB-LATE", "202706010800-0700", "OBX|1|ST|19343-3^^LN||NEG||||||F");
        assertEquals(new Reconciliation(1, 0, 1, 0, 0), outside.batch().reconciliation());
        assertEquals(Hl7Acknowledgement.Code.AE, outside.ack().code());
        String reason = imports.records(STUDY, outside.batch().id()).get(0).reason();
        assertTrue(reason.contains("2027-06-01 lies in no visit window of participant S01-0902"), reason);
    }

    @Test
    void aPositiveScreenIsOverruledOnlyWhenEverySubstanceItCoversIsConfirmedNegative() {
        send("N-1", "S01-0904", "LAB-N1", "202611080800", "OBX|1|ST|76492-8^^LN||POS||||||F",
                "OBX|2|ST|19344-1^^LN||NEG||||||F", "OBX|3|NM|16235-4^^LN||40|ng/mL|<250||||F");
        assertTrue(screen("S01-0904", "W01", "LAB-N1").negative(), "both substances confirmed negative");
        send("N-2", "S01-0904", "LAB-N2", "202611080800", "OBX|1|ST|76492-8^^LN||POS||||||F",
                "OBX|2|ST|19344-1^^LN||NEG||||||F");
        assertFalse(screen("S01-0904", "W01", "LAB-N2").negative(), "methamphetamine not confirmed");
    }

    @Test
    void aLaboratoryCorrectionReplacesItsOwnResultButNeverAValueChangedByHand() {
        send("C-1", "S01-0903", "LAB-C", "202611080900", "OBX|1|NM|16235-4^^LN||120|ng/mL|<250||||F");
        assertTrue(screen("S01-0903", "W01", "LAB-C").negative());
        db.em().clear();
        Sent corrected = send("C-2", "S01-0903", "LAB-C", "202611080900",
                "OBX|1|NM|16235-4^^LN||1200|ng/mL|<250||||C");
        assertEquals(new Reconciliation(1, 1, 0, 0, 0), corrected.batch().reconciliation());
        db.em().clear();
        UrineScreenView after = screen("S01-0903", "W01", "LAB-C");
        assertEquals("POSITIVE", after.results().get(0).result());
        assertEquals(0, after.results().get(0).concentrationNgMl().compareTo(new BigDecimal("1200")));
        AuditView change = audit.subjectTrail(STUDY, "S01-0903").stream().filter(a -> a.entity()
                .equals("UrineDrugScreen") && a.field().endsWith(".concentrationNgMl") && a.oldValue() != null)
                .findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("120").compareTo(new BigDecimal(change.oldValue())));
        assertEquals(0, new BigDecimal("1200").compareTo(new BigDecimal(change.newValue())));
        assertTrue(change.reason().contains("corrected result from the laboratory"), change.reason());

        db.em().clear();
        db.tx(() -> screens.changeScreen(STUDY, "S01-0903", "W01", "LAB-C", new UrineScreenEntry("LAB-C",
                after.collectedAt(), SpecimenSource.CENTRAL_LAB,
                SpecimenValidity.DILUTE, List.of(new AnalyteEntry(
                        Analyte.METHAMPHETAMINE_CONCENTRATION,
                        QualitativeResult.POSITIVE, Optional.of(new BigDecimal("250")),
                        Optional.of(new BigDecimal("1200"))))), after.version(),
                "lab report says dilute", COORDINATOR));
        Sent third = send("C-3", "S01-0903", "LAB-C", "202611080900", "OBX|1|NM|16235-4^^LN||90|ng/mL|<250||||C");
        assertEquals(new Reconciliation(1, 0, 0, 0, 1), third.batch().reconciliation());
        RecordView conflict = imports.records(STUDY, third.batch().id()).get(0);
        assertTrue(conflict.queryId() != null, conflict.reason());
        assertEquals("DILUTE", screen("S01-0903", "W01", "LAB-C").validity(), "the hand-entered change is kept");
    }

    /**
     * The database itself keeps every analyte result with its specimen (H2 by the declared foreign key, PostgreSQL by
     * the statement-level checks of migrations V8 and V11), and one result per analyte on a specimen (the key of
     * migration V13), whoever writes to it.
     */
    @Test
    void noAnalyteResultOutlivesOrLacksItsSpecimen() {
        Sent sent = send("K-1", "S01-0906", "LAB-K", "202611080900", "OBX|1|CWE|19343-3^^LN||260415000^Not"
                + " detected^SCT||<500||||F", "OBX|2|NM|16235-4^^LN||40|ng/mL|<250||||F");
        assertEquals(new Reconciliation(1, 1, 0, 0, 0), sent.batch().reconciliation());
        long screen = ((Number) db.tx(() -> db.em().createNativeQuery("SELECT id FROM urine_drug_screen WHERE"
                + " specimen_id = 'LAB-K'").getSingleResult())).longValue();
        String results = "uds_analyte_result WHERE screen_id = " + screen;
        assertEquals(2, db.count(results));
        assertEquals(QualitativeResult.NEGATIVE, db.em().find(AnalyteResult.class, new AnalyteResult.Key(screen,
                "19343-3")).result(), "a result found by its specimen and code");
        long all = db.count("uds_analyte_result");
        assertThrows(IllegalStateException.class, () -> db.sql("INSERT INTO uds_analyte_result (screen_id,"
                + " loinc_code, result) VALUES (990000002, '19554-5', 'NEGATIVE')"), "no specimen");
        assertThrows(IllegalStateException.class, () -> db.sql("INSERT INTO uds_analyte_result (screen_id,"
                + " loinc_code, result) VALUES (" + screen + ", '19343-3', 'POSITIVE')"), "a second result of a code");
        assertThrows(IllegalStateException.class, () -> db.sql("UPDATE uds_analyte_result SET screen_id = 990000002"
                + " WHERE screen_id = " + screen), "moved to no specimen");
        assertThrows(IllegalStateException.class, () -> db.sql("DELETE FROM urine_drug_screen WHERE id = " + screen),
                "a specimen with results");
        assertThrows(IllegalStateException.class, () -> db.sql("UPDATE urine_drug_screen SET id = 990000003 WHERE"
                + " id = " + screen), "a specimen's id under its results");
        assertEquals(all, db.count("uds_analyte_result"));
        assertEquals(2, db.count(results));
        assertEquals(1, db.count("urine_drug_screen WHERE id = " + screen));
        assertEquals(1, db.sql("UPDATE uds_analyte_result SET result = result WHERE screen_id = " + screen
                + " AND loinc_code = '19343-3'"), "a result that keeps its specimen can still be written");
    }

    @Test
    void anUnknownParticipantIsQuarantinedAndTheDataManagerCorrectsIt() {
        Sent sent = send("Q-1", "S01-0999", "LAB-Q", "202611150800", "OBX|1|ST|19343-3^^LN||NEG||||||F");
        assertEquals(Hl7Acknowledgement.Code.AE, sent.ack().code());
        RecordView quarantined = imports.records(STUDY, sent.batch().id()).get(0);
        assertEquals(RecordStatus.QUARANTINED, quarantined.status());
        assertTrue(quarantined.reason().contains("S01-0999"), quarantined.reason());
        RecordView fixed = db.tx(() -> imports.correct(STUDY, quarantined.id(),
                quarantined.raw().replace("S01-0999", "S01-0902"), DATA_MANAGER));
        assertEquals(RecordStatus.CORRECTED, fixed.status());
        assertEquals("LAB-Q", screen("S01-0902", "W02", "LAB-Q").specimenId());
    }

    @Test
    void aMessageThatIsNotAnOruIsStoredRefusedAndAnsweredWithAr() {
        Sent sent = send("MSH|^~\\&|ADT|HOSP|||20261120||ADT^A01|A-1|P|2.5.1\rPID|1||S01-0901\r"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(BatchStatus.REJECTED, sent.batch().status());
        assertEquals(Hl7Acknowledgement.Code.AR, sent.ack().code());
        assertTrue(sent.ack().text().contains("ADT^A01"), sent.ack().text());
    }
}
