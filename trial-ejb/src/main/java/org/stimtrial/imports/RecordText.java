package org.stimtrial.imports;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Where a record's original text is found. A record that needs a data manager (quarantined, a duplicate, a conflict)
 * keeps a copy of its text; an accepted record keeps only the CRC-32C of its text ({@link #crc}), and its text is read
 * again from its batch's payload, which is kept as received. The checksum tells a payload that still reads as it did
 * from one that does not (a reader changed since): such a text is unavailable, never another record's text.
 */
final class RecordText {
    /** Where a shown record's text came from. */
    enum Source {
        /** The copy kept with the record. */
        RECORD,
        /** The batch's payload, read again; its checksum matches the record's. */
        PAYLOAD,
        /** The payload, read again, does not give the record's text back (its checksum differs, or it is missing). */
        UNAVAILABLE
    }

    /** A record's text, when found, and where it came from. */
    record Found(Optional<String> text, Source source) {
    }

    private final Map<Integer, String> read;

    private RecordText(Map<Integer, String> read) {
        this.read = read;
    }

    /** What a record stores of its text: a copy, or only the text's checksum. */
    record Kept(Optional<String> copy, Optional<Integer> crc) {
    }

    /**
     * What a record with this outcome stores of its text, through JPA or in bulk: a copy if it needs a data manager
     * (anything but accepted), the checksum otherwise.
     */
    static Kept kept(String text, RecordStatus status) {
        return status != RecordStatus.ACCEPTED ? new Kept(Optional.of(text), Optional.empty())
                : new Kept(Optional.empty(), Optional.of(crc(text)));
    }

    /** The CRC-32C of a record's text as UTF-8. */
    private static int crc(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** No payload read: every record must have its copy. */
    static RecordText copiesOnly() {
        return new RecordText(Map.of());
    }

    /** The texts of a batch's records as its payload reads now, by record number (from 1). */
    static RecordText fromPayload(List<ParsedRecord> records) {
        Map<Integer, String> read = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            read.put(i + 1, records.get(i).raw());
        }
        return new RecordText(read);
    }

    /** The text of {@code record}: its copy, or its payload's text if the checksums match. */
    Found of(ImportRecord record) {
        if (record.copiedText().isPresent()) {
            return new Found(record.copiedText(), Source.RECORD);
        }
        String text = read.get(record.recordNo());
        if (text != null && record.textCrc().isPresent() && crc(text) == record.textCrc().get()) {
            return new Found(Optional.of(text), Source.PAYLOAD);
        }
        return new Found(Optional.empty(), Source.UNAVAILABLE);
    }
}
