package org.stimtrial.analysis.report;

import java.util.ArrayList;
import java.util.List;

/** A titled table of typed columns: what one block of a report sheet shows. Immutable. */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

    /** How a column's cells are typed and formatted. */
    public enum Format {
        TEXT, INTEGER, DECIMAL, PERCENT, P_VALUE, DATE, DATE_TIME
    }

    /** A column: its header and format. */
    public record Column(String header, Format format) {
    }

    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException(title + ": a row of " + r.size() + " cells for " + columns.size()
                        + " columns");
            }
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = List.copyOf(copied);
    }

    public static Column text(String header) {
        return new Column(header, Format.TEXT);
    }

    public static Column integer(String header) {
        return new Column(header, Format.INTEGER);
    }

    public static Column decimal(String header) {
        return new Column(header, Format.DECIMAL);
    }

    public static Column percent(String header) {
        return new Column(header, Format.PERCENT);
    }

    public static Column pValue(String header) {
        return new Column(header, Format.P_VALUE);
    }

    public static Column date(String header) {
        return new Column(header, Format.DATE);
    }

    /** The cell at a row and column. */
    public Object cell(int row, int column) {
        return rows.get(row).get(column);
    }

    /** The index of the column with this header. */
    public int column(String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new IllegalArgumentException(title + " has no column " + header);
    }
}
