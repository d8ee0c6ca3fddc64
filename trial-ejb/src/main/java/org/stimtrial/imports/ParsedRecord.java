package org.stimtrial.imports;

import java.util.Optional;

/** A record as read from a batch: its text, and either the typed item or why it could not be read. */
record ParsedRecord(String raw, Optional<String> screeningNumber, Optional<ImportItem> item,
                    Optional<String> error) {
    static ParsedRecord of(String raw, ImportItem item) {
        return new ParsedRecord(raw, Optional.of(item.screeningNumber()), Optional.of(item), Optional.empty());
    }

    static ParsedRecord unreadable(String raw, Optional<String> screeningNumber, String error) {
        return new ParsedRecord(raw, screeningNumber, Optional.empty(), Optional.of(error));
    }
}
