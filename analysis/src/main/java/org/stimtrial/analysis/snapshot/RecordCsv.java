package org.stimtrial.analysis.snapshot;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.stimtrial.analysis.AnalysisException;

/**
 * Flat records as CSV sections: a record's components are its columns (String, int, long, double, boolean,
 * LocalDate, Optional of these, OptionalInt), each written in one canonical text form that reads back exactly.
 * Used by the snapshot and by stored analysis results.
 */
public final class RecordCsv {
    private RecordCsv() {
    }

    /** A named section: its CSV header line and rows, as fields. */
    public record Section(String name, List<List<String>> lines) {
    }

    /** Splits a text of {@code #Name} sections after its first line, which must be {@code magic}. */
    public static List<Section> sections(byte[] bytes, String magic, String what) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (!magic.equals(lines[0])) {
            throw new AnalysisException("not a " + what + " (the first line must be " + magic + ")");
        }
        List<Section> out = new ArrayList<>();
        List<List<String>> current = null;
        StringBuilder pending = new StringBuilder();
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            if (n == lines.length - 1 && line.isEmpty()) {
                break;
            }
            if (pending.isEmpty() && line.startsWith("#")) {
                current = new ArrayList<>();
                out.add(new Section(line.substring(1), current));
                continue;
            }
            if (current == null) {
                throw new AnalysisException(what + ": a row before the first section");
            }
            pending.append(pending.isEmpty() ? "" : "\n").append(line);
            Optional<List<String>> fields = split(pending.toString());
            if (fields.isPresent()) {
                current.add(fields.get());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            throw new AnalysisException(what + ": an unterminated quoted field at the end");
        }
        return out;
    }

    /** The canonical line of one row (also its sort key). */
    public static String line(Record row) {
        return join(fields(row));
    }

    /** The canonical text of each component of a row. */
    public static List<String> fields(Record row) {
        RecordComponent[] components = row.getClass().getRecordComponents();
        List<String> out = new ArrayList<>(components.length);
        for (RecordComponent c : components) {
            out.add(text(value(c, row)));
        }
        return out;
    }

    /** The component names of a kind of row. */
    public static List<String> header(Class<? extends Record> kind) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : kind.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private static Object value(RecordComponent c, Record row) {
        try {
            return c.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("record accessor " + c.getName(), e);
        }
    }

    private static String text(Object v) {
        if (v instanceof Optional<?> o) {
            return o.map(RecordCsv::text).orElse("");
        }
        if (v instanceof OptionalInt o) {
            return o.isPresent() ? Integer.toString(o.getAsInt()) : "";
        }
        return String.valueOf(v);
    }

    public static <R extends Record> void section(StringBuilder sb, Class<R> kind, List<R> rows) {
        sb.append('#').append(kind.getSimpleName()).append('\n').append(join(header(kind))).append('\n');
        for (R r : rows) {
            sb.append(line(r)).append('\n');
        }
    }

    public static <R extends Record> List<R> rows(Class<R> kind, List<List<String>> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(header(kind))) {
            throw new AnalysisException("snapshot section " + kind.getSimpleName() + ": the header must be "
                    + header(kind));
        }
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<R> constructor;
        try {
            constructor = kind.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("records have a canonical constructor", e);
        }
        List<R> out = new ArrayList<>(lines.size() - 1);
        for (int r = 1; r < lines.size(); r++) {
            List<String> f = lines.get(r);
            if (f.size() != components.length) {
                throw new AnalysisException("snapshot section " + kind.getSimpleName() + " row " + r + ": "
                        + f.size() + " fields, expected " + components.length);
            }
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = parse(components[i].getGenericType(), f.get(i), kind.getSimpleName());
            }
            try {
                out.add(constructor.newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new AnalysisException("snapshot section " + kind.getSimpleName() + " row " + r + ": "
                        + e.getCause());
            }
        }
        return out;
    }

    private static Object parse(Type type, String s, String section) {
        try {
            if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
                return s.isEmpty() ? Optional.empty() : Optional.of(parse(p.getActualTypeArguments()[0], s, section));
            }
            if (type == OptionalInt.class) {
                return s.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s));
            }
            if (type == String.class) {
                return s;
            }
            if (type == int.class) {
                return Integer.parseInt(s);
            }
            if (type == long.class) {
                return Long.parseLong(s);
            }
            if (type == double.class) {
                return Double.parseDouble(s);
            }
            if (type == boolean.class) {
                if (!s.equals("true") && !s.equals("false")) {
                    throw new AnalysisException("snapshot section " + section + ": '" + s + "' is not true or false");
                }
                return Boolean.parseBoolean(s);
            }
            if (type == LocalDate.class) {
                return date(s);
            }
        } catch (NumberFormatException e) {
            throw new AnalysisException("snapshot section " + section + ": '" + s + "' is not a number");
        }
        throw new IllegalStateException("no snapshot text form for " + type);
    }

    static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new AnalysisException("snapshot: '" + s + "' is not an ISO date");
        }
    }

    /** RFC 4180 quoting where needed. */
    public static String join(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
                    || f.startsWith("#")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    /** The fields of a (possibly multi-line) record, or empty when a quoted field is still open. */
    private static Optional<List<String>> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        out.add(f.toString());
        return Optional.of(out);
    }
}
