package org.stimtrial.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 comma-separated values: fields may be quoted, a quote inside a quoted field is doubled, and a quoted
 * field may span lines. Each row keeps its first line number and its original text, for quarantine reasons and for
 * the record kept with them.
 */
final class CsvTable {
    /** One row: the line it starts on, its cells, and its text as it appeared in the file. */
    record Row(int line, List<String> cells, String raw) {
    }

    /** The file is not well-formed CSV at all (a quote never closed, text after a closing quote). */
    static final class MalformedCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedCsvException(String message) {
            super(message);
        }
    }

    private CsvTable() {
    }

    /** The rows of {@code text}, skipping blank lines. */
    static List<Row> parse(String text) throws MalformedCsvException {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int startLine = line;
            int start = i;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean endOfRow = false;
            while (!endOfRow) {
                if (i < n && text.charAt(i) == '"' && cell.length() == 0) {
                    i++;
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
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new MalformedCsvException("line " + line + ": text after a closing quote");
                    }
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
            String raw = text.substring(start, i).stripTrailing();
            boolean blank = cells.size() == 1 && cells.get(0).isBlank();
            if (!blank) {
                rows.add(new Row(startLine, List.copyOf(cells), raw));
            }
        }
        return rows;
    }

    /** Whether {@code c} ends an unquoted value. */
    private static boolean ends(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }
}
