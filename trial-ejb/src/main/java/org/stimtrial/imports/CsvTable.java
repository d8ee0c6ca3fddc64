package org.stimtrial.imports;

import java.util.ArrayList;
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
        int n = text.length();
        while (next < n) {
            Row row = read();
            boolean blank = row.cells().size() == 1 && row.cells().get(0).isBlank();
            if (!blank) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private Row read() throws MalformedCsvException {
        int n = text.length();
        int i = next;
        int startLine = line;
        int start = i;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean endOfRow = false;
        while (!endOfRow) {
            if (i < n && text.charAt(i) == '"' && cell.length() == 0) {
                i = quoted(i + 1, startLine, cell);
            }
            if (i >= n) {
                cells.add(cell.toString());
                endOfRow = true;
            } else {
                char c = text.charAt(i);
                if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    i++;
                } else if (c == '\r' || c == '\n') {
                    cells.add(cell.toString());
                    i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    endOfRow = true;
                } else {
                    int end = i + 1;
                    while (end < n && !ends(text.charAt(end))) {
                        end++;
                    }
                    cell.append(text, i, end);
                    i = end;
                }
            }
        }
        next = i;
        return new Row(startLine, start, List.copyOf(cells), text.substring(start, i).stripTrailing());
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
