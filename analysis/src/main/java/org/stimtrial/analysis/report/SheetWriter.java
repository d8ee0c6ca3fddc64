package org.stimtrial.analysis.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes {@link Table}s into sheets with the formatting a sponsor expects: a bold title, a shaded bold header row,
 * number and date formats per column, a frozen header and an auto-filter on single-table sheets, and column widths
 * estimated from the header and the first rows (never POI's per-cell auto-size, which is slow on large sheets).
 * One writer per workbook (it owns the workbook's cell styles).
 */
public final class SheetWriter {
    private static final int WIDTH_SAMPLE_ROWS = 500;
    private final Workbook workbook;
    private final Map<Table.Format, CellStyle> styles = new EnumMap<>(Table.Format.class);
    private final CellStyle header;
    private final CellStyle title;

    public SheetWriter(Workbook workbook) {
        this.workbook = workbook;
        var format = workbook.createDataFormat();
        for (Table.Format f : Table.Format.values()) {
            CellStyle s = workbook.createCellStyle();
            s.setDataFormat(format.getFormat(switch (f) {
                case TEXT -> "@";
                case INTEGER -> "#,##0";
                case DECIMAL -> "0.000";
                case PERCENT -> "0.0%";
                case P_VALUE -> "0.0000";
                case DATE -> "yyyy-mm-dd";
                case DATE_TIME -> "yyyy-mm-dd hh:mm:ss";
            }));
            styles.put(f, s);
        }
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 13);
        title = workbook.createCellStyle();
        title.setFont(big);
    }

    public Workbook workbook() {
        return workbook;
    }

    /** A sheet holding one table: title row, header row frozen, auto-filter over the data. */
    public Sheet tableSheet(String name, Table table) {
        Sheet sheet = workbook.createSheet(name);
        int headerRow = write(sheet, 0, table);
        sheet.createFreezePane(0, headerRow + 1);
        if (!table.rows().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, headerRow + table.rows().size(), 0,
                    table.columns().size() - 1));
        }
        widths(sheet, table);
        return sheet;
    }

    /**
     * Writes a table from {@code firstRow}: title, header, rows, then a blank row.
     *
     * @return the index of the header row
     */
    public int write(Sheet sheet, int firstRow, Table table) {
        Cell t = sheet.createRow(firstRow).createCell(0);
        t.setCellValue(table.title());
        t.setCellStyle(title);
        int headerRow = firstRow + 1;
        Row h = sheet.createRow(headerRow);
        for (int c = 0; c < table.columns().size(); c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(table.columns().get(c).header());
            cell.setCellStyle(header);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(headerRow + 1 + r);
            for (int c = 0; c < table.columns().size(); c++) {
                cell(row, c, table.cell(r, c), table.columns().get(c).format());
            }
        }
        return headerRow;
    }

    /** The row after a table written at {@code firstRow} and a blank line. */
    public static int after(int firstRow, Table table) {
        return firstRow + 2 + table.rows().size() + 1;
    }

    /** Writes one typed cell; NaN and empty text leave the cell blank. */
    public void cell(Row row, int column, Object value, Table.Format format) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return;
        }
        if (value instanceof String s && s.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.get(format));
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
        } else if (value instanceof LocalDateTime d) {
            cell.setCellValue(d);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b ? "yes" : "no");
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }

    /** Column widths from the header and the first rows' text lengths (characters, capped at 60). */
    public static void widths(Sheet sheet, Table table) {
        for (int c = 0; c < table.columns().size(); c++) {
            int chars = Math.min(table.columns().get(c).header().length(), 24);
            for (int r = 0; r < Math.min(table.rows().size(), WIDTH_SAMPLE_ROWS); r++) {
                chars = Math.max(chars, display(table.cell(r, c)));
            }
            sheet.setColumnWidth(c, Math.min(60, Math.max(8, chars + 2)) * 256);
        }
    }

    static int display(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? 10 : 0;
        }
        return String.valueOf(v).length();
    }
}
