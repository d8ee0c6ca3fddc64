package org.stimtrial.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HL7 v2 message as text, split into segments and fields without a parser, so that even a message a parser
 * refuses can be identified (MSH-10) and acknowledged. Segments end with CR (LF and CRLF are tolerated). It is read
 * several times per message (route, duplicate check, reader, acknowledgement), so it splits by hand, without
 * regular expressions.
 */
public final class Hl7Text {
    private final List<String> segments;
    private final String[] msh;
    private final char fieldSeparator;
    private final String encodingCharacters;

    private Hl7Text(List<String> segments) {
        this.segments = List.copyOf(segments);
        String header = segments.get(0);
        this.fieldSeparator = header.charAt(3);
        this.msh = Hl7Segment.split(header, fieldSeparator);
        this.encodingCharacters = msh.length > 1 && msh[1].length() >= 4 ? msh[1].substring(0, 4) : "^~\\&";
    }

    /** The message, when the text starts with an MSH segment; otherwise it is not HL7 v2. */
    public static Optional<Hl7Text> of(byte[] content) {
        return of(decode(content));
    }

    static Optional<Hl7Text> of(String text) {
        List<String> segments = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\r' || text.charAt(i) == '\n') {
                String segment = text.substring(from, i);
                if (!segment.isBlank()) {
                    segments.add(segment);
                }
                from = i + 1;
            }
        }
        if (segments.isEmpty() || !segments.get(0).startsWith("MSH") || segments.get(0).length() < 8) {
            return Optional.empty();
        }
        return Optional.of(new Hl7Text(segments));
    }

    /** HL7's default character sets are ASCII and ISO-8859-1; UTF-8 is taken when the bytes are valid UTF-8. */
    static String decode(byte[] content) {
        return CsvRecords.utf8(content).orElseGet(() -> new String(content, StandardCharsets.ISO_8859_1));
    }

    public List<String> segments() {
        return segments;
    }

    /** The segment ids in order (MSH, PID, OBR, ...). */
    List<String> segmentIds() {
        return segments.stream().map(s -> s.length() >= 3 ? s.substring(0, 3) : s).toList();
    }

    /** MSH-n as sent (MSH-1 is the field separator itself), empty when absent. */
    public String msh(int field) {
        if (field == 1) {
            return String.valueOf(fieldSeparator);
        }
        return field - 1 < msh.length ? msh[field - 1] : "";
    }

    /** The first component of MSH-n. */
    public String mshComponent(int field, int component) {
        String[] parts = Hl7Segment.split(msh(field), encodingCharacters.charAt(0));
        return component - 1 < parts.length ? parts[component - 1] : "";
    }

    public char fieldSeparator() {
        return fieldSeparator;
    }

    public String encodingCharacters() {
        return encodingCharacters;
    }

    /** The message type as {@code code^event} (MSH-9.1 and MSH-9.2). */
    public String messageType() {
        return mshComponent(9, 1) + "^" + mshComponent(9, 2);
    }

    public String controlId() {
        return msh(10);
    }

    /** Escapes text for a field of a message with the standard delimiters (HL7 v2 section 2.7). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\E\\");
                case '|' -> out.append("\\F\\");
                case '^' -> out.append("\\S\\");
                case '~' -> out.append("\\R\\");
                case '&' -> out.append("\\T\\");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
