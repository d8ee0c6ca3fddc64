package org.stimtrial.analysis.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The sheets the sponsor and the DSMB reports share, from pooled or by-arm tables. */
final class StandardSheets {
    static final List<String> NAMES = List.of("Enrollment", "Disposition", "Baseline", "Visits", "Data quality",
            "Adverse events", "Urine screens");

    private StandardSheets() {
    }

    static void write(SheetWriter writer, ReportTables tables) {
        Table monthly = tables.enrollmentBySiteAndMonth();
        XSSFSheet enrollment = (XSSFSheet) writer.tableSheet("Enrollment", monthly);
        Table cumulative = tables.cumulativeEnrollmentBySite(monthly);
        int chartTable = SheetWriter.after(0, monthly);
        int header = writer.write(enrollment, chartTable, cumulative);
        if (!cumulative.rows().isEmpty()) {
            List<Integer> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int c = 1; c < cumulative.columns().size(); c++) {
                columns.add(c);
                names.add(cumulative.columns().get(c).header());
            }
            Charts.line(enrollment, "Cumulative enrollment by site", "Month", "Participants randomized",
                    header + 1, header + cumulative.rows().size(), 0, columns, names,
                    monthly.columns().size() + 1, 1);
        }
        writer.tableSheet("Disposition", tables.consortFlow());
        writer.tableSheet("Baseline", tables.baselineCharacteristics());
        writer.tableSheet("Visits", tables.visitCompletionAndRetention());
        writer.tableSheet("Data quality", tables.dataQualityBySite());
        writer.tableSheet("Adverse events", tables.adverseEventsBySeverity());
        writer.tableSheet("Urine screens", tables.urineNegativityByWeek());
    }
}
