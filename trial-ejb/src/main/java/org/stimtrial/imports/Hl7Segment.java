package org.stimtrial.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment of an HL7 v2 message (not MSH), split into fields with the message's own delimiters. A value is read
 * as HL7 v2 (section 2.5) and HAPI read it: the first repetition of the field, the component, its first
 * subcomponent, with the delimiter escapes {@code \F\ \S\ \T\ \R\ \E\} replaced by the characters they stand for;
 * other escapes (formatting, character sets) are kept as sent. Absent fields and components read as empty text.
 */
final class Hl7Segment {
    private final String text;
    private final String[] fields;
    private final Delimiters delimiters;

    /** The delimiters a message declares in MSH-1 and MSH-2. */
    record Delimiters(char field, char component, char repetition, char escape, char subcomponent) {
        static Delimiters of(Hl7Text message) {
            String e = message.encodingCharacters();
            return new Delimiters(message.fieldSeparator(), e.charAt(0), e.charAt(1), e.charAt(2), e.charAt(3));
        }
    }

    Hl7Segment(String text, Delimiters delimiters) {
        this.text = text;
        this.delimiters = delimiters;
        this.fields = split(text, delimiters.field());
    }

    /** The segment as sent. */
    String text() {
        return text;
    }

    /** The segment id (PID, OBR, OBX, ...). */
    String id() {
        return fields[0];
    }

    /** The first repetition of field {@code n}, as sent (escapes kept). */
    String repetition(int n) {
        String field = n < fields.length ? fields[n] : "";
        int end = field.indexOf(delimiters.repetition());
        return end < 0 ? field : field.substring(0, end);
    }

    /** Field {@code n}'s first repetition, its first component, read as text. */
    String value(int n) {
        return value(n, 1);
    }

    /** Component {@code component} of field {@code n}'s first repetition (its first subcomponent), read as text. */
    String value(int n, int component) {
        String[] components = split(repetition(n), delimiters.component());
        if (component > components.length) {
            return "";
        }
        String part = components[component - 1];
        int end = part.indexOf(delimiters.subcomponent());
        return unescape(end < 0 ? part : part.substring(0, end));
    }

    private String unescape(String value) {
        char escape = delimiters.escape();
        int start = value.indexOf(escape);
        if (start < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int from = 0;
        while (start >= 0) {
            int end = value.indexOf(escape, start + 1);
            if (end < 0) {
                break;
            }
            out.append(value, from, start);
            String sequence = value.substring(start + 1, end);
            switch (sequence) {
                case "F" -> out.append(delimiters.field());
                case "S" -> out.append(delimiters.component());
                case "T" -> out.append(delimiters.subcomponent());
                case "R" -> out.append(delimiters.repetition());
                case "E" -> out.append(escape);
                default -> out.append(value, start, end + 1);
            }
            from = end + 1;
            start = value.indexOf(escape, from);
        }
        return out.append(value, from, value.length()).toString();
    }

    /** {@code text} split at every {@code separator}, empty parts kept (also at the end). */
    static String[] split(String text, char separator) {
        int first = text.indexOf(separator);
        if (first < 0) {
            return new String[] {text};
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = first; i >= 0; i = text.indexOf(separator, from)) {
            parts.add(text.substring(from, i));
            from = i + 1;
        }
        parts.add(text.substring(from));
        return parts.toArray(String[]::new);
    }
}
