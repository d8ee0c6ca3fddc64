package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stimtrial.visit.Analyte;

/** Reading urine-screen CSV files into records, without a database. */
class UrineScreenCsvTest {
    private static final String HEADER = "site,screening_number,visit,specimen_id,collected_at,source,validity,loinc,"
            + "result,cutoff_ng_ml\n";
    private final UrineScreenCsv csv = new UrineScreenCsv();

    private static String row(String number, String specimen, String loinc, String result) {
        return "S01," + number + ",W01," + specimen + ",2026-06-16T09:30:00Z,SITE_POC,VALID," + loinc + "," + result
                + ",500\n";
    }

    private ParsedBatch read(String text) {
        return csv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportItem.UrineScreen screen(ParsedRecord r) {
        return (ImportItem.UrineScreen) r.item().orElseThrow(() -> new AssertionError(r.error()));
    }

    @Test
    void rowsOfOneSpecimenFormOneRecordWhereverTheyStandInTheFile() {
        String a1 = row("S01-0701", "SP-A", "19343-3", "NEGATIVE");
        String b1 = row("S01-0702", "SP-B", "19343-3", "POSITIVE");
        String a2 = row("S01-0701", "SP-A", "19554-5", "POSITIVE");
        ParsedBatch batch = read(HEADER + a1 + b1 + "\n" + a2);
        assertTrue(batch.rejection().isEmpty(), batch.rejection().toString());
        assertEquals(2, batch.records().size());
        ParsedRecord a = batch.records().get(0);
        assertEquals("SP-A", screen(a).entry().specimenId());
        assertEquals(List.of(Analyte.byLoinc("19343-3").orElseThrow(), Analyte.byLoinc("19554-5").orElseThrow()),
                screen(a).entry().results().stream().map(e -> e.analyte()).toList());
        assertEquals(a1.strip() + "\n" + a2.strip(), a.raw(), "the record keeps its rows' text in file order");
        assertEquals("SP-B", screen(batch.records().get(1)).entry().specimenId());
    }

    @Test
    void aRowOfTheWrongWidthIsItsOwnRecordAndTheOthersAreRead() {
        ParsedBatch batch = read(HEADER + row("S01-0701", "SP-A", "19343-3", "NEGATIVE") + "S01,S01-0702,W01\n"
                + row("S01-0701", "SP-A", "19554-5", "NEGATIVE"));
        assertEquals(2, batch.records().size());
        assertEquals(2, screen(batch.records().get(0)).entry().results().size());
        ParsedRecord bad = batch.records().get(1);
        assertEquals(Optional.of("line 3 has 3 values; the header has 10"), bad.error());
        assertEquals("S01,S01-0702,W01", bad.raw());
    }

    @Test
    void linesAreCountedThroughQuotedNewlines() {
        ParsedBatch batch = read(HEADER + "S01,S01-0701,W01,\"SP\nA\",2026-06-16T09:30:00Z,SITE_POC,VALID,19343-3,"
                + "NEGATIVE,500\n" + row("S01-0702", "SP-B", "99999-9", "NEGATIVE"));
        assertEquals("SP\nA", screen(batch.records().get(0)).entry().specimenId());
        assertEquals(Optional.of("line 4: LOINC '99999-9' is not a urine screen this trial records"),
                batch.records().get(1).error());
    }

    @Test
    void aFileWithNothingButBlankRowsIsEmpty() {
        assertEquals(Optional.of("the file is empty"), read("\"\"\n\n").rejection());
        assertEquals(Optional.of("the file has a header but no records"), read(HEADER + "\n\"\"\n").rejection());
    }

    @Test
    void aCorrectionIsReadWithoutAHeader() {
        ParsedBatch batch = csv.readCorrection(row("S01-0701", "SP-A", "19343-3", "NEGATIVE").strip());
        assertEquals(1, batch.records().size());
        assertEquals("S01-0701", screen(batch.records().get(0)).screeningNumber());
        assertEquals(Optional.of("the correction is empty"), csv.readCorrection("\n").rejection());
    }

    @Test
    void aLargeFileIsReadWholeInTheOrderOfItsSpecimens() {
        StringBuilder text = new StringBuilder(HEADER);
        Analyte[] analytes = Analyte.values();
        int specimens = 3_000;
        for (int s = 0; s < specimens; s++) {
            for (Analyte a : analytes) {
                text.append(row("S01-" + (1000 + s / 24), "SP-" + s, a.loinc(), "NEGATIVE"));
            }
        }
        List<ParsedRecord> records = read(text.toString()).records();
        assertEquals(specimens, records.size());
        for (int s = 0; s < specimens; s += 997) {
            assertEquals("SP-" + s, screen(records.get(s)).entry().specimenId());
            assertEquals(analytes.length, screen(records.get(s)).entry().results().size());
        }
    }
}
