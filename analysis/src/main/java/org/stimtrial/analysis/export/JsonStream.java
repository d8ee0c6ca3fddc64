package org.stimtrial.analysis.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A minimal streaming JSON writer: the caller writes structure, this escapes strings and numbers correctly. Its
 * string quoting is shared with the command-line tool's JSON writer.
 */
public final class JsonStream {
    private final Writer out;

    JsonStream(Writer out) {
        this.out = out;
    }

    JsonStream raw(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A value: null, string, boolean, finite number (non-finite as null). */
    JsonStream value(Object v) {
        if (v == null) {
            return raw("null");
        }
        if (v instanceof Double d) {
            return raw(Double.isFinite(d) ? (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : Double.toString(d)) : "null");
        }
        if (v instanceof Number || v instanceof Boolean) {
            return raw(v.toString());
        }
        return string(v.toString());
    }

    JsonStream string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return raw(sb.toString());
    }

    /** Appends {@code s} as a JSON string literal (quotes, backslash and control characters escaped). */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** {@code "name": value}. */
    JsonStream field(String name, Object v) {
        string(name).raw(": ");
        return value(v);
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
