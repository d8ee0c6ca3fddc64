package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditView;
import org.stimtrial.audit.Source;
import org.stimtrial.imports.BatchStatus;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.imports.ImportViews.RecordView;
import org.stimtrial.imports.Reconciliation;
import org.stimtrial.imports.RecordStatus;
import org.stimtrial.odm.OdmClinicalData;
import org.stimtrial.odm.OdmForm;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.VisitStatus;

/**
 * ePRO craving forms as CDISC ODM 1.3.2 (on H2 and on PostgreSQL): a file lands on the right participants and visits
 * with audit records naming the batch; the same FileOID again creates nothing; a value entered by hand is never
 * overwritten; an XML attack is refused whole and writes nothing; a quarantined form is corrected as XML; and the
 * ODM export of one database, imported into another, exports again as the same clinical data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EproOdmContract {
    private static final String STUDY = "STIM-301";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final LocalDate BASELINE = TODAY.minusDays(21);
    private static final LocalDate WEEK1 = TODAY.minusDays(14);
    private static final Actor COORDINATOR = Actor.of("coordinator", Source.API);
    private static final Actor DATA_MANAGER = Actor.of("datamanager", Source.API);
    private static final List<String> PARTICIPANTS = List.of("S01-0801", "S01-0802", "S01-0803", "S02-0801");

    private ImportFixture source;
    private ImportFixture target;

    abstract DataSource dataSource() throws Exception;

    @BeforeAll
    void setUp() throws Exception {
        source = withParticipants(ImportFixture.of(dataSource(), TODAY));
        target = withParticipants(ImportFixture.of(dataSource(), TODAY));
    }

    private static ImportFixture withParticipants(ImportFixture f) {
        for (String number : PARTICIPANTS) {
            String site = number.substring(0, 3);
            f.db().tx(() -> f.subjects().screen(STUDY, new ScreeningEntry(number, site, Sex.F, 1985,
                    TODAY.minusDays(40)), COORDINATOR));
            f.db().tx(() -> f.visits().recordVisit(STUDY, number, "BL", new VisitEntry(VisitStatus.DONE, BASELINE),
                    null, null, COORDINATOR));
            f.db().tx(() -> f.visits().recordVisit(STUDY, number, "W01", new VisitEntry(VisitStatus.DONE, WEEK1),
                    null, null, COORDINATOR));
        }
        return f;
    }

    @AfterAll
    void tearDown() {
        source.db().close();
        target.db().close();
    }

    private static BatchView deliver(ImportFixture f, Optional<String> site, String xml) {
        Receipt receipt = f.db().tx(() -> f.imports().receive(new Delivery(STUDY, ImportChannel.UPLOAD,
                ImportFormat.CRAVING_ODM, site, "epro.xml", "datamanager"), xml.getBytes(StandardCharsets.UTF_8)));
        return f.db().tx(() -> f.imports().process(receipt.batchId()));
    }

    private static String odm(String fileOid, String subjects) {
        return "<?xml version=\"1.0\"?><ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" ODMVersion=\"1.3.2\""
                + " FileType=\"Transactional\" FileOID=\"" + fileOid + "\" CreationDateTime=\"2026-06-20T10:00:00Z\">"
                + "<ClinicalData StudyOID=\"STIM-301\""
                + " MetaDataVersionOID=\"MDV.1\">" + subjects + "</ClinicalData></ODM>";
    }

    private static String vas(String number, String visit, LocalDate on, String value) {
        return "<SubjectData SubjectKey=\"" + number + "\"><SiteRef LocationOID=\"" + number.substring(0, 3)
                + "\"/><StudyEventData StudyEventOID=\"SE." + visit + "\"><FormData FormOID=\"F.VAS\"><AuditRecord>"
                + "<UserRef UserOID=\"EPRO." + number + "\"/><LocationRef LocationOID=\"" + number.substring(0, 3)
                + "\"/><DateTimeStamp>" + on + "T08:15:00+02:00</DateTimeStamp><SourceID>diary-" + number + "-"
                + visit + "</SourceID></AuditRecord><ItemGroupData ItemGroupOID=\"IG.VAS\"><ItemData ItemOID="
                + "\"I.VAS.vas\" Value=\"" + value + "\"/></ItemGroupData></FormData></StudyEventData></SubjectData>";
    }

    @Test
    void anEproFileLandsOnTheRightVisitsWithAuditRecordsNamingTheBatch() {
        BatchView batch = deliver(source, Optional.empty(), odm("EPRO-1", vas("S01-0801", "BL", BASELINE, "71")
                + vas("S02-0801", "W01", WEEK1, "44.5")));
        assertEquals(BatchStatus.PROCESSED, batch.status());
        assertEquals(new Reconciliation(2, 2, 0, 0, 0), batch.reconciliation());
        assertEquals(0, new BigDecimal("44.5").compareTo(source.visits().cravings(STUDY, "S02-0801", "W01").get(0)
                .responses().get("vas")));
        assertEquals(BASELINE, source.visits().cravings(STUDY, "S01-0801", "BL").get(0).assessedOn());
        AuditView audit = source.audit().subjectTrail(STUDY, "S01-0801").stream()
                .filter(a -> a.entity().equals("CravingAssessment") && a.field().equals("responses.vas"))
                .findFirst().orElseThrow();
        assertEquals("IMPORT", audit.source());
        assertEquals("import batch " + batch.id() + " record 1", audit.sourceRef());
        assertTrue(source.imports().records(STUDY, batch.id()).get(0).raw()
                .contains("<SourceID>diary-S01-0801-BL</SourceID>"), "the ePRO audit record is kept");
    }

    @Test
    void theSameFileOidAgainIsTheSameDeliveryEvenWithOtherBytes() {
        BatchView first = deliver(source, Optional.of("S01"), odm("EPRO-2", vas("S01-0802", "BL", BASELINE, "30")));
        long batches = source.db().count("import_batch");
        long audits = source.db().count("audit_record");
        Receipt again = source.db().tx(() -> source.imports().receive(new Delivery(STUDY, ImportChannel.SITE_FOLDER,
                ImportFormat.CRAVING_ODM, Optional.of("S01"), "resent.xml", "import"), odm("EPRO-2",
                "<!-- resent -->" + vas("S01-0802", "BL", BASELINE, "30")).getBytes(StandardCharsets.UTF_8)));
        assertTrue(again.duplicate());
        assertEquals(first.id(), again.batchId());
        assertEquals(batches, source.db().count("import_batch"));
        assertEquals(audits, source.db().count("audit_record"));
    }

    @Test
    void aValueEnteredByHandIsKeptAndTheDifferingFormRaisesAQuery() {
        source.db().tx(() -> source.visits().addCraving(STUDY, "S01-0803", "W01", new CravingEntry("VAS", WEEK1,
                Map.of("vas", new BigDecimal("20"))), COORDINATOR));
        BatchView batch = deliver(source, Optional.of("S01"), odm("EPRO-3", vas("S01-0803", "W01", WEEK1, "85")));
        assertEquals(new Reconciliation(1, 0, 0, 0, 1), batch.reconciliation());
        RecordView conflict = source.imports().records(STUDY, batch.id()).get(0);
        assertTrue(conflict.queryId() != null, conflict.reason());
        assertEquals(0, new BigDecimal("20").compareTo(source.visits().cravings(STUDY, "S01-0803", "W01").get(0)
                .responses().get("vas")), "the entered value is kept");
    }

    @Test
    void anExternalEntityAttackIsRefusedWholeAndWritesNothing() {
        long forms = source.db().count("craving_assessment");
        String attack = "<?xml version=\"1.0\"?><!DOCTYPE ODM [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + odm("EPRO-X", vas("S01-0802", "W01", WEEK1, "&xxe;")).substring("<?xml version=\"1.0\"?>"
                .length());
        BatchView batch = deliver(source, Optional.of("S01"), attack);
        assertEquals(BatchStatus.REJECTED, batch.status());
        assertTrue(batch.rejectionReason().startsWith("a DOCTYPE declaration is not allowed"),
                batch.rejectionReason());
        assertEquals(forms, source.db().count("craving_assessment"));
        assertEquals(0, source.db().count("import_record WHERE batch_id = " + batch.id()));
    }

    @Test
    void aQuarantinedFormIsCorrectedAsXmlAndKeepsItsOriginalText() {
        BatchView batch = deliver(source, Optional.of("S02"), odm("EPRO-4", vas("S02-0801", "BL", BASELINE,
                "140")));
        RecordView quarantined = source.imports().records(STUDY, batch.id()).get(0);
        assertEquals(RecordStatus.QUARANTINED, quarantined.status());
        assertTrue(quarantined.reason().contains("must be between 0 and 100"), quarantined.reason());
        String fixed = quarantined.raw().replace("Value=\"140\"", "Value=\"14\"");
        RecordView corrected = source.db().tx(() -> source.imports().correct(STUDY, quarantined.id(), fixed,
                DATA_MANAGER));
        assertEquals(RecordStatus.CORRECTED, corrected.status());
        assertTrue(corrected.raw().contains("Value=\"140\""), "the original text stays");
        assertEquals(0, new BigDecimal("14").compareTo(source.visits().cravings(STUDY, "S02-0801", "BL").get(0)
                .responses().get("vas")));
    }

    @Test
    void theExportImportedIntoAnotherDatabaseExportsAsTheSameClinicalData() {
        source.db().tx(() -> source.visits().addCraving(STUDY, "S01-0802", "W01", new CravingEntry("BSCS", WEEK1,
                Map.of("intensity", BigDecimal.ONE, "frequency", new BigDecimal("2"), "length", BigDecimal.ZERO)),
                COORDINATOR));
        source.db().tx(() -> source.visits().addCraving(STUDY, "S01-0802", "W01", new CravingEntry("VAS", WEEK1,
                Map.of("vas", new BigDecimal("12.5"))), COORDINATOR));
        source.db().tx(() -> source.visits().changeCraving(STUDY, "S01-0802", "W01", new CravingEntry("VAS", WEEK1,
                Map.of("vas", new BigDecimal("21.5"))), source.visits().cravings(STUDY, "S01-0802", "W01").stream()
                .filter(c -> c.instrument().equals("VAS")).findFirst().orElseThrow().version(), "Transcription error",
                COORDINATOR));
        long downloads = source.db().count("audit_record WHERE entity_type = 'Download'");
        byte[] exported = export(source);
        assertEquals(downloads + 1, source.db().count("audit_record WHERE entity_type = 'Download' AND new_value"
                + " LIKE '%forms=" + forms(exported).size() + "%'"), "the download is one audit record in the trail,"
                + " with the file and the number of forms");
        List<OdmForm> sent = forms(exported);
        assertTrue(sent.size() >= 3, "the forms entered here are exported: " + sent.size());
        String text = new String(exported, StandardCharsets.UTF_8);
        assertTrue(text.contains("<ReasonForChange>Transcription error</ReasonForChange>"), "the latest change");
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("placebo"), "no arm in the export");

        BatchView intoTarget = deliver(target, Optional.empty(), text);
        assertEquals(new Reconciliation(sent.size(), sent.size(), 0, 0, 0), intoTarget.reconciliation());
        assertEquals(withoutAudit(sent), withoutAudit(forms(export(target))));

        Receipt again = source.db().tx(() -> source.imports().receive(new Delivery(STUDY, ImportChannel.UPLOAD,
                ImportFormat.CRAVING_ODM, Optional.empty(), "again.xml", "datamanager"), (text + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        BatchView backIntoSource = source.db().tx(() -> source.imports().process(again.batchId()));
        assertEquals(new Reconciliation(sent.size(), 0, 0, sent.size(), 0), backIntoSource.reconciliation(),
                "every exported form is already recorded with the same answers");
    }

    private static byte[] export(ImportFixture f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.db().run(() -> f.odmExport().writeCravings(STUDY, out, DATA_MANAGER));
        return out.toByteArray();
    }

    private static List<OdmForm> forms(byte[] odm) {
        return OdmClinicalData.read(odm).clinicalData().get(0).forms();
    }

    private static List<OdmForm> withoutAudit(List<OdmForm> forms) {
        return forms.stream().map(f -> new OdmForm(f.subjectKey(), f.site(), f.studyEventOid(), f.formOid(),
                f.transaction(), Optional.empty(), f.items())).toList();
    }
}
