package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stimtrial.visit.FormEntries.CravingEntry;

/**
 * Reading ePRO craving forms from CDISC ODM 1.3.2: the documented example, the mapping of OIDs, dates and typed
 * items, the record text kept for correction, the file id, and the XML bad-input corpus in
 * {@code src/test/resources/import-corpus/odm} (external entities, entity expansion, wrong documents, bad forms).
 */
class EproOdmTest {
    private static final Path CORPUS = Path.of("src/test/resources/import-corpus/odm");
    private static final Path EXAMPLE = Path.of("../docs/examples/epro-cravings.xml");
    private final EproOdm reader = new EproOdm("STIM-301");

    @Test
    void theExampleIsOneQuestionnaireForTheBaselineVisit() {
        ParsedBatch batch = reader.read(ImportCorpus.read(EXAMPLE));
        assertEquals(Optional.empty(), batch.rejection());
        assertEquals(1, batch.records().size());
        ImportItem.Craving craving = (ImportItem.Craving) batch.records().get(0).item().orElseThrow();
        assertEquals("S01", craving.site());
        assertEquals("S01-0901", craving.screeningNumber());
        assertEquals("BL", craving.visit());
        CravingEntry entry = craving.entry();
        assertEquals("ACQ", entry.instrument());
        assertEquals(LocalDate.of(2026, 11, 15), entry.assessedOn());
        assertEquals(16, entry.responses().size());
        assertEquals(new BigDecimal("6"), entry.responses().get("du3"));
        assertEquals(Optional.of("FileOID EPRO-S01-20261115-0001"), reader.sourceId(ImportCorpus.read(EXAMPLE)));
    }

    @Test
    void aRecordsTextReadsBackAsTheSameRecordAndKeepsTheAuditRecord() {
        ParsedRecord record = reader.read(ImportCorpus.read(EXAMPLE)).records().get(0);
        assertTrue(record.raw().startsWith("<SubjectData SubjectKey=\"S01-0901\"><SiteRef LocationOID=\"S01\"/>"),
                record.raw());
        assertTrue(record.raw().contains("<DateTimeStamp>2026-11-15T10:04:31+01:00</DateTimeStamp>"
                + "<SourceID>diary-entry-88213</SourceID>"), record.raw());
        ParsedBatch again = reader.readCorrection(record.raw());
        assertEquals(record.item(), again.records().get(0).item());
    }

    @Test
    void theAssessmentDateFallsBackToTheAuditRecordsLocalDateAndTypedItemsAreRead() {
        ParsedBatch fromAudit = reader.read(ImportCorpus.read(CORPUS.resolve("date-from-audit-record.xml")));
        ImportItem.Craving c = (ImportItem.Craving) fromAudit.records().get(0).item().orElseThrow();
        assertEquals(LocalDate.of(2026, 6, 16), c.entry().assessedOn());
        ParsedBatch typed = reader.read(ImportCorpus.read(CORPUS.resolve("vendor-extension-and-typed-items.xml")));
        ImportItem.Craving t = (ImportItem.Craving) typed.records().get(0).item().orElseThrow();
        assertEquals(new BigDecimal("62.5"), t.entry().responses().get("vas"));
    }

    @Test
    void everyFormIsOneRecordInFileOrder() {
        String form = "<StudyEventData StudyEventOID=\"SE.%s\"><FormData FormOID=\"F.VAS\"><ItemGroupData"
                + " ItemGroupOID=\"IG.VAS\"><ItemData ItemOID=\"I.ASSESSED_ON\" Value=\"2026-06-%s\"/><ItemData"
                + " ItemOID=\"I.VAS.vas\" Value=\"%s\"/></ItemGroupData></FormData></StudyEventData>";
        String xml = "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileOID=\"F-2\" FileType=\"Transactional\""
                + " CreationDateTime=\"2026-06-20T10:00:00Z\"><ClinicalData StudyOID=\"STIM-301\""
                + " MetaDataVersionOID=\"MDV.1\"><SubjectData SubjectKey=\"S01-0701\"><SiteRef LocationOID=\"S01\"/>"
                + String.format(form, "BL", "09", "80") + String.format(form, "W01", "16", "55")
                + "</SubjectData><SubjectData SubjectKey=\"S02-0701\"><SiteRef LocationOID=\"S02\"/>"
                + String.format(form, "BL", "10", "40") + "</SubjectData></ClinicalData></ODM>";
        List<ImportItem.Craving> items = reader.read(xml.getBytes(StandardCharsets.UTF_8)).records().stream()
                .map(r -> (ImportItem.Craving) r.item().orElseThrow()).toList();
        assertEquals(List.of("S01-0701/BL/80", "S01-0701/W01/55", "S02-0701/BL/40"), items.stream()
                .map(i -> i.screeningNumber() + "/" + i.visit() + "/" + i.entry().responses().get("vas")).toList());
    }

    @Test
    void aCorrectionThatIsNotXmlOrNotValidOdmIsRefusedWithTheReason() {
        ParsedBatch csv = reader.readCorrection("S01,S01-0701,W01,VAS,2026-06-16,vas,62");
        assertEquals(Optional.of("a correction is one <SubjectData> element, as the record shows it"),
                csv.rejection());
        ParsedBatch cut = reader.readCorrection("<SubjectData SubjectKey=\"S01-0701\"><SiteRef");
        assertTrue(cut.rejection().orElseThrow().startsWith("not well-formed XML"), cut.rejection()::get);
        ParsedBatch misordered = reader.readCorrection("<SubjectData SubjectKey=\"S01-0701\"><StudyEventData"
                + " StudyEventOID=\"SE.W01\"/><SiteRef LocationOID=\"S01\"/></SubjectData>");
        assertTrue(misordered.rejection().orElseThrow().startsWith("not valid ODM 1.3.2 (line 1, column"),
                misordered.rejection()::get);
    }

    @TestFactory
    Stream<DynamicTest> theXmlBadInputCorpusIsRefusedOrQuarantinedWithItsReason() throws IOException {
        return ImportCorpus.cases(CORPUS, reader);
    }
}
