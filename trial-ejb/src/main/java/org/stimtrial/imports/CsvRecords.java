package org.stimtrial.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.stimtrial.imports.CsvTable.MalformedCsvException;
import org.stimtrial.imports.CsvTable.Place;
import org.stimtrial.imports.CsvTable.Row;

/**
 * A CSV import format in long form: a header naming the columns (any order), one row per value, rows with the same
 * participant, visit and record column (a specimen, an instrument) forming one record. Every format starts with
 * {@code site, screening_number, visit}; the subclass reads the form {@code F} from the rest. Problems with the file
 * as a whole reject it; problems with a record quarantine that record only, with every problem listed by line.
 */
abstract class CsvRecords<F> implements PayloadReader {
    private static final List<String> WHERE = List.of("site", "screening_number", "visit");
    private final List<String> columns;
    private final List<String> keyColumns;

    /** Where a record belongs: the sending site, the participant, the visit. */
    record Where(String site, String screeningNumber, String visit) {
    }

    /** A record's rows as column name to value, with their line numbers. */
    record Lines(List<Integer> lineNumbers, List<Map<String, String>> values) {
        String first(String column) {
            return values.get(0).get(column);
        }
    }

    /** {@code recordColumn} tells records apart at one visit; {@code formColumns} follow the common columns. */
    CsvRecords(String recordColumn, List<String> formColumns) {
        List<String> all = new ArrayList<>(WHERE);
        all.addAll(formColumns);
        this.columns = List.copyOf(all);
        this.keyColumns = List.of("screening_number", "visit", recordColumn);
    }

    final List<String> columns() {
        return columns;
    }

    /** Types a record's form, adding a message per problem to {@code errors} (prefixed with the line). */
    abstract Optional<F> form(Lines lines, List<String> errors);

    abstract ImportItem item(Where where, F form);

    @Override
    public final ParsedBatch read(byte[] content) {
        Optional<String> text = utf8(content);
        if (text.isEmpty()) {
            return ParsedBatch.rejected("the file is not UTF-8 text; save it as CSV UTF-8");
        }
        try {
            CsvTable table = CsvTable.of(text.get());
            Optional<Row> first = table.next();
            if (first.isEmpty()) {
                return ParsedBatch.rejected("the file is empty");
            }
            List<String> header = first.get().cells().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            Optional<String> headerProblem = headerProblem(header);
            if (headerProblem.isPresent()) {
                return ParsedBatch.rejected(headerProblem.get());
            }
            List<ParsedRecord> records = records(header, text.get(), table);
            return records.isEmpty() ? ParsedBatch.rejected("the file has a header but no records")
                    : ParsedBatch.of(records);
        } catch (MalformedCsvException e) {
            return ParsedBatch.rejected(e.getMessage());
        }
    }

    /** Reads a data manager's corrected rows (no header, the columns in the documented order). */
    @Override
    public final ParsedBatch readCorrection(String text) {
        try {
            List<ParsedRecord> records = records(columns(), text, CsvTable.of(text));
            return records.isEmpty() ? ParsedBatch.rejected("the correction is empty") : ParsedBatch.of(records);
        } catch (MalformedCsvException e) {
            return ParsedBatch.rejected(e.getMessage());
        }
    }

    private Optional<String> headerProblem(List<String> header) {
        if (header.size() == 1) {
            String only = header.get(0);
            for (String sep : List.of(";", "\t", "|")) {
                if (only.contains(sep)) {
                    return Optional.of("the values are separated by '" + (sep.equals("\t") ? "tab" : sep)
                            + "', not by commas");
                }
            }
        }
        List<String> missing = columns().stream().filter(c -> !header.contains(c)).toList();
        List<String> extra = header.stream().filter(c -> !columns().contains(c)).toList();
        List<String> repeated = header.stream().filter(c -> header.indexOf(c) != header.lastIndexOf(c)).distinct()
                .toList();
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing columns: " + String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            problems.add("unexpected columns: " + String.join(", ", extra));
        }
        if (!repeated.isEmpty()) {
            problems.add("repeated columns: " + String.join(", ", repeated));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)
                + " (expected: " + String.join(",", columns()) + ")");
    }

    /** A row with its values by column name ({@code null} for a row of the wrong width). */
    private record Named(Row row, Map<String, String> values) {
    }

    /**
     * Reads the rest of {@code table} as records, in two passes so that a large file never holds all its rows'
     * values at once: the first groups the rows by participant, visit and record column, keeping only where each
     * row starts; the second reads each record's rows again and types the record. (Holding every row of a
     * 100,000-row file made the garbage collector copy some 200 MB while it was read.)
     */
    private List<ParsedRecord> records(List<String> header, String text, CsvTable table)
            throws MalformedCsvException {
        int[] key = keyColumns.stream().mapToInt(header::indexOf).toArray();
        Map<String, Places> groups = new LinkedHashMap<>();
        for (Optional<Place> next = table.skim(key); next.isPresent(); next = table.skim(key)) {
            Place row = next.get();
            String group = row.width() != header.size() ? "#line" + row.line()
                    : row.kept().get(0).strip() + '\u0000' + row.kept().get(1).strip() + '\u0000'
                    + row.kept().get(2).strip();
            groups.computeIfAbsent(group, k -> new Places()).add(row.offset(), row.line());
        }
        List<ParsedRecord> records = new ArrayList<>(groups.size());
        for (Places places : groups.values()) {
            List<Named> group = new ArrayList<>(places.size());
            for (int i = 0; i < places.size(); i++) {
                Row row = CsvTable.rowAt(text, places.offset(i), places.line(i));
                group.add(new Named(row, row.cells().size() == header.size() ? values(header, row) : null));
            }
            records.add(record(header, group));
        }
        return records;
    }

    private ParsedRecord record(List<String> header, List<Named> group) {
        StringJoiner raw = new StringJoiner("\n");
        group.forEach(g -> raw.add(g.row().raw()));
        Row first = group.get(0).row();
        if (first.cells().size() != header.size()) {
            return ParsedRecord.unreadable(raw.toString(), Optional.empty(), "line " + first.line() + " has "
                    + first.cells().size() + " values; the header has " + header.size());
        }
        Lines lines = new Lines(group.stream().map(g -> g.row().line()).toList(),
                group.stream().map(Named::values).toList());
        List<String> errors = new ArrayList<>();
        Optional<String> site = same(lines, "site", errors);
        Optional<String> screening = same(lines, "screening_number", errors);
        Optional<String> visit = same(lines, "visit", errors);
        Optional<F> form = form(lines, errors);
        Optional<ImportItem> item = errors.isEmpty() && form.isPresent() ? Optional.of(item(new Where(
                site.orElseThrow(), screening.orElseThrow(), visit.orElseThrow()), form.get())) : Optional.empty();
        Optional<String> number = Optional.ofNullable(lines.first("screening_number")).filter(s -> !s.isBlank());
        return errors.isEmpty() && item.isPresent() ? ParsedRecord.of(raw.toString(), item.get())
                : ParsedRecord.unreadable(raw.toString(), number, String.join("; ", errors));
    }

    /** Where the rows of one record start in the text, and their first line numbers. */
    private static final class Places {
        private int[] offsets = new int[4];
        private int[] lines = new int[4];
        private int size;

        void add(int offset, int line) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            offsets[size] = offset;
            lines[size] = line;
            size++;
        }

        int size() {
            return size;
        }

        int offset(int i) {
            return offsets[i];
        }

        int line(int i) {
            return lines[i];
        }
    }

    private static Map<String, String> values(List<String> header, Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), row.cells().get(i).strip());
        }
        return values;
    }

    /** The value of a column that must be the same on every row of a record. */
    static Optional<String> same(Lines lines, String column, List<String> errors) {
        String first = lines.first(column);
        for (int i = 1; i < lines.values().size(); i++) {
            if (!lines.values().get(i).get(column).equals(first)) {
                errors.add("line " + lines.lineNumbers().get(i) + ": " + column + " '"
                        + lines.values().get(i).get(column) + "' differs from '" + first + "' on line "
                        + lines.lineNumbers().get(0));
                return Optional.empty();
            }
        }
        if (first.isEmpty()) {
            errors.add("line " + lines.lineNumbers().get(0) + ": " + column + " is empty");
            return Optional.empty();
        }
        return Optional.of(first);
    }

    static Optional<OffsetDateTime> dateTime(String value, int line, String column, List<String> errors) {
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            errors.add("line " + line + ": " + column + " '" + value
                    + "' is not a date and time with offset (e.g. 2026-11-02T09:30:00Z)");
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String value, int line, String column, List<String> errors) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            errors.add("line " + line + ": " + column + " '" + value + "' is not a date (e.g. 2026-11-02)");
            return Optional.empty();
        }
    }

    static <E extends Enum<E>> Optional<E> choice(Class<E> type, String value, int line, String column,
                                                  List<String> errors) {
        String normal = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(normal)) {
                return Optional.of(e);
            }
        }
        errors.add("line " + line + ": " + column + " '" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return Optional.empty();
    }

    static Optional<String> utf8(byte[] content) {
        int skip = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, skip, content.length - skip)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
