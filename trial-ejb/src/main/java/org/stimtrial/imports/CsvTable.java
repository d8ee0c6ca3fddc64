package org.stimtrial.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 comma-separated values: fields may be quoted, a quote inside a quoted field is doubled, and a quoted
 * field may span lines. Rows are read one at a time ({@link #next()}), skipping blank lines; each keeps its first line
 * number, its place in the text (to be read again with {@link #rowAt}) and its original text, for quarantine reasons
 * and for the record kept with them.
 */
final class CsvTable {
    /** One row: the line it starts on, where it starts in the text, its cells, and its text as in the file. */
    record Row(int line, int offset, List<String> cells, String raw) {
    }

    /** Where a row starts, its number of values, and the values of the columns asked for ({@link #skim}). */
    record Place(int line, int offset, int width, List<String> kept) {
    }

    /** The file is not well-formed CSV at all (a quote never closed, text after a closing quote). */
    static final class MalformedCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedCsvException(String message) {
            super(message);
        }
    }

    private final String text;
    private int next;
    private int line;
    /** The number of values of the last row read, the likely number of the next. */
    private int width = 8;

    private CsvTable(String text, int offset, int line) {
        this.text = text;
        this.next = offset;
        this.line = line;
    }

    /** The rows of {@code text} from its start. */
    static CsvTable of(String text) {
        return new CsvTable(text, 0, 1);
    }

    /** The row that starts at {@code offset} on line {@code line}, as {@link #next()} read it before. */
    static Row rowAt(String text, int offset, int line) {
        try {
            return new CsvTable(text, offset, line).next().orElseThrow(() -> new IllegalArgumentException(
                    "no row starts at " + offset));
        } catch (MalformedCsvException e) {
            throw new IllegalArgumentException("the row at " + offset + " was read before: " + e.getMessage(), e);
        }
    }

    /** The next row that is not blank; empty at the end of the text. */
    Optional<Row> next() throws MalformedCsvException {
        while (next < text.length()) {
            int offset = next;
            int startLine = line;
            List<String> cells = new ArrayList<>(width);
            read(cells, null);
            width = cells.size();
            if (!blank(cells)) {
                return Optional.of(new Row(startLine, offset, Collections.unmodifiableList(cells),
                        text.substring(offset, trimmedEnd(offset, next))));
            }
        }
        return Optional.empty();
    }

    /**
     * Where the next row that is not blank starts, its number of values and the values of the {@code wanted}
     * columns only (the others are passed over without being copied, nor the row's text): a first look at a large
     * file. Empty at the end of the text.
     */
    Optional<Place> skim(int[] wanted) throws MalformedCsvException {
        boolean[] keep = new boolean[Arrays.stream(wanted).max().orElse(-1) + 1];
        Arrays.stream(wanted).forEach(c -> keep[c] = true);
        while (next < text.length()) {
            int offset = next;
            int startLine = line;
            List<String> cells = new ArrayList<>(keep.length);
            int values = read(cells, keep);
            if (values != 1 || !cells.get(0).isBlank()) {
                List<String> kept = new ArrayList<>(wanted.length);
                for (int c : wanted) {
                    kept.add(c < values ? cells.get(c) : null);
                }
                return Optional.of(new Place(startLine, offset, values, kept));
            }
        }
        return Optional.empty();
    }

    private static boolean blank(List<String> cells) {
        return cells.size() == 1 && cells.get(0).isBlank();
    }

    /** Where the row's text ends without its line break and trailing white space (as {@code stripTrailing}). */
    private int trimmedEnd(int from, int to) {
        int end = to;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /**
     * Reads one row from {@link #next} into {@code cells}: every value, or, with {@code keep}, the values of the
     * columns it marks and the first (a placeholder for the others, whose text is not copied). Returns the number of
     * values in the row. A value is quoted (from a quote at its start to the closing quote) or plain (to the next
     * comma or line break).
     */
    private int read(List<String> cells, boolean[] keep) throws MalformedCsvException {
        int n = text.length();
        int i = next;
        int startLine = line;
        int column = 0;
        while (true) {
            boolean wanted = keep == null || column == 0 || column < keep.length && keep[column];
            String value = null;
            if (i < n && text.charAt(i) == '"') {
                StringBuilder cell = new StringBuilder();
                i = quoted(i + 1, startLine, cell);
                value = cell.toString();
            } else {
                int end = i;
                while (end < n && !ends(text.charAt(end))) {
                    end++;
                }
                if (wanted) {
                    value = text.substring(i, end);
                }
                i = end;
            }
            cells.add(wanted ? value : null);
            column++;
            if (i >= n) {
                break;
            }
            char c = text.charAt(i);
            if (c == ',') {
                i++;
            } else {
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                break;
            }
        }
        next = i;
        return column;
    }

    /** Reads a quoted value from just after its opening quote into {@code cell}; returns where it ends. */
    private int quoted(int from, int startLine, StringBuilder cell) throws MalformedCsvException {
        int n = text.length();
        int i = from;
        while (true) {
            if (i >= n) {
                throw new MalformedCsvException("line " + startLine
                        + ": a quoted value is never closed (is the file cut off?)");
            }
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < n && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            if (c == '\n') {
                line++;
            }
            cell.append(c);
            i++;
        }
        if (i < n && !ends(text.charAt(i))) {
            throw new MalformedCsvException("line " + line + ": text after a closing quote");
        }
        return i;
    }

    /** Whether {@code c} ends an unquoted value. */
    private static boolean ends(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }
}
