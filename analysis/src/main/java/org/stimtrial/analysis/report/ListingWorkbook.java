package org.stimtrial.analysis.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes listings with POI's streaming writer (SXSSF): only a window of {@value #WINDOW} rows is in memory, the rest
 * goes to temporary files (uncompressed: the workbook's zip compresses them once, at the end), so memory does not
 * grow with the number of rows. Each listing is a sheet with a frozen, filtered header and widths estimated from
 * the first rows. Excel's limit of 1,048,575 data rows per sheet is refused with a clear message rather than cut
 * silently.
 */
public final class ListingWorkbook {
    static final int WINDOW = 100;
    private static final int MAX_ROWS = 1_048_575;
    private static final int WIDTH_SAMPLE_ROWS = 500;

    private ListingWorkbook() {
    }

    /** Writes the listings, one sheet each; returns the number of data rows written per listing. */
    public static int[] write(List<Listing> listings, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(false);
        try {
            SheetWriter writer = new SheetWriter(workbook);
            int[] counts = new int[listings.size()];
            for (int i = 0; i < listings.size(); i++) {
                counts[i] = sheet(workbook, writer, listings.get(i));
            }
            workbook.write(out);
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException("writing listings", e);
        } finally {
            workbook.dispose();
        }
    }

    private static int sheet(SXSSFWorkbook workbook, SheetWriter writer, Listing listing) {
        SXSSFSheet sheet = workbook.createSheet(listing.sheet());
        List<Table.Column> columns = listing.columns();
        Table header = new Table(listing.sheet(), columns, List.of());
        writer.write(sheet, 0, header);
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.min(columns.get(c).header().length(), 24);
        }
        int n = 0;
        try (Stream<List<Object>> rows = listing.rows().get()) {
            Iterator<List<Object>> it = rows.iterator();
            while (it.hasNext()) {
                List<Object> values = it.next();
                if (n == MAX_ROWS - 2) {
                    throw new IllegalArgumentException("listing " + listing.sheet() + " has more rows than an Excel"
                            + " sheet holds (1,048,576); export it as CSV instead");
                }
                Row row = sheet.createRow(2 + n);
                for (int c = 0; c < columns.size(); c++) {
                    writer.cell(row, c, values.get(c), columns.get(c).format());
                    if (n < WIDTH_SAMPLE_ROWS) {
                        widths[c] = Math.max(widths[c], SheetWriter.display(values.get(c)));
                    }
                }
                n++;
            }
        }
        sheet.createFreezePane(0, 2);
        if (n > 0) {
            sheet.setAutoFilter(new CellRangeAddress(1, 1 + n, 0, columns.size() - 1));
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(60, Math.max(8, widths[c] + 2)) * 256);
        }
        return n;
    }
}
