package org.stimtrial.analysis.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * The sponsor report: cover, enrollment by site and month (table and line chart), disposition, baseline
 * characteristics, visit completion and retention, data quality, adverse events and urine-screen negativity, all
 * pooled. It is written from the blinded copy of the snapshot, so no arm can reach it.
 */
public final class SponsorReport {
    private SponsorReport() {
    }

    public static void write(TrialSnapshot snapshot, ReportHeader header, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            SheetWriter writer = new SheetWriter(workbook);
            List<String> sheets = new ArrayList<>(StandardSheets.NAMES);
            CoverSheet.write(writer, header, "Sponsor report (blinded, pooled over arms)",
                    "Blinded: pooled over all arms; contains no treatment assignment", sheets);
            StandardSheets.write(writer, ReportTables.pooled(snapshot.withoutArms()));
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the sponsor report", e);
        }
    }
}
