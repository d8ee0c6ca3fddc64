package org.stimtrial.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a whole record as the text of one audit record: the creation of a record (and its deletion) is one
 * audit record holding every present field, as REDCap logs a save, while a change is one audit record per changed
 * field with its old and new value. Each field is one line {@code name=value}, in the record's own order; in a value,
 * a backslash, a line feed and a carriage return are written {@code \\}, {@code \n} and {@code \r}, so a value of any
 * text reads back exactly. A field without a value is left out, which keeps "no value" apart from an empty one.
 */
public final class RecordState {
    /** The {@code field_name} of an audit record that holds a whole record. */
    public static final String WHOLE_RECORD = "*";

    private RecordState() {
    }

    /**
     * The fields an audit record stored as these columns audits: the one changed field, or every field of the record
     * created ({@code newValue}) or deleted ({@code oldValue}).
     */
    public static List<FieldChange> changes(String action, String field, String oldValue, String newValue) {
        AuditAction what = AuditAction.valueOf(action);
        if (!WHOLE_RECORD.equals(field)) {
            return List.of(new FieldChange(what, field, oldValue, newValue));
        }
        return what == AuditAction.DELETE ? FieldChange.deleted(decode(oldValue))
                : FieldChange.inserted(decode(newValue));
    }

    /** Fields in the order given: name, value, name, value... (a {@code null} value is a field without a value). */
    public static Map<String, String> fields(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("every field needs a name and a value");
        }
        Map<String, String> state = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            state.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return state;
    }

    /** The present fields of {@code state} as text. */
    public static String encode(Map<String, String> state) {
        StringBuilder sb = new StringBuilder(32 * state.size());
        state.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0
                    || name.equals(WHOLE_RECORD)) {
                throw new IllegalArgumentException("'" + name + "' cannot name an audited field");
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(name).append('=');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
        });
        return sb.toString();
    }

    /** The fields that {@link #encode} wrote, in their order. */
    public static Map<String, String> decode(String text) {
        Map<String, String> state = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return state;
        }
        for (String line : text.split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a field of a whole-record audit record: '" + line + "'");
            }
            state.put(line.substring(0, eq), unescape(line, eq + 1));
        }
        return state;
    }

    private static String unescape(String line, int from) {
        StringBuilder value = new StringBuilder(line.length() - from);
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (++i == line.length()) {
                throw new IllegalArgumentException("a value ends inside an escape: '" + line + "'");
            }
            switch (line.charAt(i)) {
                case '\\' -> value.append('\\');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + line.charAt(i) + " in '" + line
                        + "'");
            }
        }
        return value.toString();
    }
}
