package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.message.ACK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.QualitativeResult;

/**
 * HL7 v2.5.1 ORU^R01 laboratory messages read without a database: the documented example, every way of writing a
 * result, and the bad-input corpus in {@code src/test/resources/import-corpus/hl7} (each file with the outcome and the
 * reason listed in its {@code expected.tsv}).
 */
class LabResultsHl7Test {
    private static final Path CORPUS = Path.of("src/test/resources/import-corpus/hl7");
    private static final Path EXAMPLE = Path.of("../docs/examples/lab-results.hl7");
    private final LabResultsHl7 reader = new LabResultsHl7();

    private static String message(String controlId, String... segments) {
        return "MSH|^~\\&|CENTRAL-LAB|QUESTLAB|STIMTRIAL|STIM-301|20261115143000||ORU^R01|" + controlId + "|P|2.5.1\r"
                + "PID|1||S01-0901^^^STIM-301^SN\r" + String.join("\r", segments) + "\r";
    }

    private ImportItem.LabUrineScreen only(String text) {
        ParsedBatch batch = reader.read(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), batch.rejection());
        assertEquals(1, batch.records().size());
        ParsedRecord record = batch.records().get(0);
        assertEquals(Optional.empty(), record.error());
        return (ImportItem.LabUrineScreen) record.item().orElseThrow();
    }

    @Test
    void theDocumentedExampleIsOneSpecimenWithThreeResults() throws IOException {
        ParsedBatch batch = reader.read(Files.readAllBytes(EXAMPLE));
        assertEquals(Optional.empty(), batch.rejection());
        assertEquals(1, batch.records().size());
        ImportItem.LabUrineScreen lab = (ImportItem.LabUrineScreen) batch.records().get(0).item().orElseThrow();
        assertEquals("S01-0901", lab.screeningNumber());
        assertEquals("LAB-778812", lab.specimenId());
        assertEquals(OffsetDateTime.of(2026, 11, 15, 9, 45, 0, 0, ZoneOffset.ofHours(-8)),
                lab.collected().in(ZoneId.of("UTC")));
        assertEquals(List.of(Analyte.AMPHETAMINE_SCREEN, Analyte.METHAMPHETAMINE_SCREEN,
                Analyte.METHAMPHETAMINE_CONCENTRATION), lab.results().stream().map(AnalyteEntry::analyte).toList());
        assertEquals(List.of(QualitativeResult.NEGATIVE, QualitativeResult.POSITIVE, QualitativeResult.POSITIVE),
                lab.results().stream().map(AnalyteEntry::result).toList());
        assertEquals(0, new BigDecimal("1840").compareTo(lab.results().get(2).concentrationNgMl().orElseThrow()));
        assertFalse(lab.correction());
        assertEquals(Optional.of("QUESTLAB|LAB-20261115-0001"), reader.sourceId(Files.readAllBytes(EXAMPLE)));
    }

    @Test
    void resultsAreReadAsTextSnomedCtLoincAnswersOrConcentrationsAgainstTheCutoff() {
        ImportItem.LabUrineScreen lab = only(message("M-1", "OBR|1||SP-1||||202611150945",
                "OBX|1|ST|19343-3^^LN||Negative||||||F",
                "OBX|2|CWE|19554-5^^LN||LA6576-8^Positive^LN||||||F",
                "OBX|3|CE|76492-8^^LN||260415000^Not detected^SCT||||||C",
                "OBX|4|NM|16234-7^^LN||0.249|mg/L|<250||||F",
                "OBX|5|NM|16235-4^^LN||250|ng/mL|||||F",
                "OBX|6|CWE|19344-1^^LN||||||||X"));
        assertEquals(List.of(QualitativeResult.NEGATIVE, QualitativeResult.POSITIVE, QualitativeResult.NEGATIVE,
                QualitativeResult.NEGATIVE, QualitativeResult.POSITIVE, QualitativeResult.NOT_DONE),
                lab.results().stream().map(AnalyteEntry::result).toList());
        AnalyteEntry milligrams = lab.results().get(3);
        assertEquals(0, new BigDecimal("249").compareTo(milligrams.concentrationNgMl().orElseThrow()));
        assertEquals(0, new BigDecimal("250000").compareTo(milligrams.cutoffNgMl().orElseThrow()),
                "a cutoff in OBX-7 is in the result's units (mg/L here)");
        assertEquals(0, Analyte.DEFAULT_CONFIRMATION_CUTOFF_NG_ML.compareTo(
                lab.results().get(4).cutoffNgMl().orElseThrow()), "no OBX-7: the confirmatory cutoff");
        assertTrue(lab.correction(), "an OBX-11 C marks the specimen's results as a correction");
        assertEquals("SP-1", lab.specimenId(), "without OBR-3 the placer order number is not used: OBR-3 is");
    }

    @Test
    void aTimeWithoutOffsetIsReadInTheSiteTimeZone() {
        ImportItem.LabUrineScreen lab = only(message("M-2", "OBR|1|PL-9|||||202611150945",
                "OBX|1|ST|19343-3^^LN||NEG||||||F"));
        assertEquals("PL-9", lab.specimenId());
        assertEquals(new CollectionTime(LocalDateTime.of(2026, 11, 15, 9, 45), Optional.empty()), lab.collected());
        assertEquals(OffsetDateTime.of(2026, 11, 15, 9, 45, 0, 0, ZoneOffset.ofHours(-8)),
                lab.collected().in(ZoneId.of("America/Los_Angeles")));
    }

    @Test
    void aMessageWithSeveralSpecimensGivesOneRecordEachWithItsOwnText() {
        ParsedBatch batch = reader.read(message("M-3", "ORC|RE", "OBR|1||SP-A||||202611150945",
                "OBX|1|ST|19343-3^^LN||NEG||||||F", "ORC|RE", "OBR|2||SP-B||||202611160945",
                "OBX|1|ST|19343-3^^LN||POS||||||P").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, batch.records().size());
        assertTrue(batch.records().get(0).item().isPresent());
        assertEquals("PID|1||S01-0901^^^STIM-301^SN\nORC|RE\nOBR|2||SP-B||||202611160945\n"
                + "OBX|1|ST|19343-3^^LN||POS||||||P", batch.records().get(1).raw());
        assertTrue(batch.records().get(1).error().orElseThrow().contains("preliminary"));
    }

    @Test
    void aCorrectionIsTheSpecimensSegmentsWithoutAHeader() {
        ParsedBatch fixed = reader.readCorrection("PID|1||S01-0901\nOBR|1||SP-1||||202611150945\n"
                + "OBX|1|ST|19343-3^^LN||NEG||||||F");
        assertEquals(1, fixed.records().size());
        assertTrue(fixed.records().get(0).item().isPresent());
    }

    @Test
    void theAcknowledgementIsAnHl7AckNamingTheMessageAndTheOutcome() throws HL7Exception {
        byte[] message = message("M-4", "OBR|1||SP-1||||202611150945", "OBX|1|ST|19343-3^^LN||NEG||||||F")
                .getBytes(StandardCharsets.UTF_8);
        BatchView quarantined = new BatchView(7, "MLLP", "HL7_ORU_R01", null, "M-4", "c", "QUESTLAB|M-4", 10,
                OffsetDateTime.now(), "lab", BatchStatus.PROCESSED, null, OffsetDateTime.now(),
                new Reconciliation(2, 1, 1, 0, 0));
        Hl7Acknowledgement ack = Hl7Acknowledgement.of(message, quarantined, false);
        assertEquals(Hl7Acknowledgement.Code.AE, ack.code());
        String text = ack.render(message, "ACK-7", OffsetDateTime.of(2026, 11, 15, 12, 0, 0, 0, ZoneOffset.UTC));
        ACK parsed = (ACK) new DefaultHapiContext().getPipeParser().parse(text);
        assertEquals("AE", parsed.getMSA().getAcknowledgmentCode().getValue());
        assertEquals("M-4", parsed.getMSA().getMessageControlID().getValue());
        assertEquals("CENTRAL-LAB", parsed.getMSH().getReceivingApplication().getNamespaceID().getValue());
        assertTrue(parsed.getERR().getUserMessage().getValue().contains("1 of 2 specimens quarantined"));

        BatchView rejected = new BatchView(8, "MLLP", "HL7_ORU_R01", null, "x", "c", null, 3, OffsetDateTime.now(),
                "lab", BatchStatus.REJECTED, "not an HL7 v2 message: it does not begin with an MSH segment", null,
                new Reconciliation(0, 0, 0, 0, 0));
        byte[] junk = "hello|world^&~\\".getBytes(StandardCharsets.UTF_8);
        Hl7Acknowledgement refused = Hl7Acknowledgement.of(junk, rejected, false);
        assertEquals(Hl7Acknowledgement.Code.AR, refused.code());
        ACK refusal = (ACK) new DefaultHapiContext().getPipeParser().parse(refused.render(junk, "ACK-8",
                OffsetDateTime.now()));
        assertEquals("AR", refusal.getMSA().getAcknowledgmentCode().getValue());
    }

    @TestFactory
    Stream<DynamicTest> theBadInputCorpusIsRefusedOrQuarantinedWithItsReason() throws IOException {
        return ImportCorpus.cases(CORPUS, reader);
    }

    private static byte[] read(Path file) {
        return ImportCorpus.read(file);
    }
}
