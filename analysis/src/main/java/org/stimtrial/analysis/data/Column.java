package org.stimtrial.analysis.data;

/** One column of a data table: numbers (NaN = missing) or text (null = missing). */
public sealed interface Column permits Column.Numeric, Column.Text {
    int size();

    boolean isMissing(int row);

    /** A numeric column. */
    record Numeric(String name, double[] values) implements Column {
        public Numeric {
            values = values.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }

        public double get(int row) {
            return values[row];
        }
    }

    /** A text column (a factor once levels are assigned). */
    record Text(String name, String[] values) implements Column {
        public Text {
            values = values.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return values[row] == null;
        }

        public String get(int row) {
            return values[row];
        }
    }
}
