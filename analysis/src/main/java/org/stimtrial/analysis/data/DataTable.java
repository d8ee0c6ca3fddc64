package org.stimtrial.analysis.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.stimtrial.analysis.AnalysisException;

/** An immutable long-format table: named columns of equal length. */
public final class DataTable {
    private final Map<String, Column> columns;
    private final int rows;

    private DataTable(Map<String, Column> columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int rows() {
        return rows;
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new AnalysisException("Unknown column '" + name + "'; the data has " + columns.keySet());
        }
        return c;
    }

    public Column.Numeric numeric(String name) {
        if (column(name) instanceof Column.Numeric n) {
            return n;
        }
        throw new AnalysisException("Column '" + name + "' is not numeric");
    }

    /** The rows for which {@code keep} is true, in order. */
    public DataTable filter(IntPredicate keep) {
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (keep.test(r)) {
                kept.add(r);
            }
        }
        Builder b = builder();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (e.getValue() instanceof Column.Numeric n) {
                double[] v = new double[kept.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = n.get(kept.get(i));
                }
                b.numeric(e.getKey(), v);
            } else {
                Column.Text t = (Column.Text) e.getValue();
                String[] v = new String[kept.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = t.get(kept.get(i));
                }
                b.text(e.getKey(), v);
            }
        }
        return b.build();
    }

    /** Builds a table column by column. */
    public static final class Builder {
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private int rows = -1;

        public Builder numeric(String name, double[] values) {
            return add(new Column.Numeric(name, values), name);
        }

        public Builder text(String name, String[] values) {
            return add(new Column.Text(name, values), name);
        }

        private Builder add(Column c, String name) {
            if (columns.containsKey(name)) {
                throw new AnalysisException("Column '" + name + "' appears twice");
            }
            if (rows >= 0 && c.size() != rows) {
                throw new AnalysisException("Column '" + name + "' has " + c.size() + " values, others have " + rows);
            }
            rows = c.size();
            columns.put(name, c);
            return this;
        }

        public DataTable build() {
            return new DataTable(new LinkedHashMap<>(columns), Math.max(rows, 0));
        }
    }
}
