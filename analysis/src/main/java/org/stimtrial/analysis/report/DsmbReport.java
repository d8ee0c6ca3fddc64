package org.stimtrial.analysis.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.sequential.BoundaryTable;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * The DSMB closed report: the sponsor report's tables by arm, the craving trajectories by arm (table and chart),
 * the model results of the run (fixed effects, week-12 means, contrasts against placebo with Dunnett p-values; odds
 * ratios for the logistic models), the TES and the group-sequential boundary table. For the unblinded statistician
 * and the DSMB only.
 */
public final class DsmbReport {
    private DsmbReport() {
    }

    public static void write(TrialSnapshot snapshot, InterimResults results, BoundaryTable boundaries,
                             ReportHeader header, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            SheetWriter writer = new SheetWriter(workbook);
            List<String> sheets = new ArrayList<>(StandardSheets.NAMES);
            sheets.addAll(List.of("Craving", "Models", "TES", "Boundaries"));
            CoverSheet.write(writer, header, "DSMB closed report (by arm)",
                    "UNBLINDED: results by treatment arm; for the DSMB and the unblinded statistician only", sheets);
            ReportTables tables = ReportTables.byArm(snapshot);
            StandardSheets.write(writer, tables);
            craving(writer, tables);
            ResultTables models = new ResultTables(results);
            Sheet sheet = writer.workbook().createSheet("Models");
            int row = 0;
            for (Table t : List.of(models.summaries(), models.contrasts(), models.means(), models.fixedEffects())) {
                writer.write(sheet, row, t);
                row = SheetWriter.after(row, t);
                SheetWriter.widths(sheet, t);
            }
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 40 * 256);
            writer.tableSheet("TES", models.tes());
            Sheet tes = writer.workbook().getSheet("TES");
            writer.write(tes, SheetWriter.after(0, models.tes()), models.tesComparisons());
            writer.tableSheet("Boundaries", ResultTables.boundaries(boundaries));
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the DSMB report", e);
        }
    }

    private static void craving(SheetWriter writer, ReportTables tables) {
        Table craving = tables.cravingByWeek();
        XSSFSheet sheet = (XSSFSheet) writer.tableSheet("Craving", craving);
        int groups = tables.groups().size();
        if (craving.rows().isEmpty()) {
            return;
        }
        List<Integer> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 1; c < groups; c++) {
            columns.add(c);
            names.add(craving.columns().get(c).header());
        }
        Charts.line(sheet, "Mean craving VAS by arm", "Week", "Craving VAS (0-100)", 2, 1 + craving.rows().size(),
                0, columns, names, craving.columns().size() + 1, 1);
    }
}
