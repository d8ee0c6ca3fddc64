package org.stimtrial.imports;

import java.util.List;
import java.util.Optional;

/** A whole payload as read: refused as a whole (with the reason), or its records. */
record ParsedBatch(Optional<String> rejection, List<ParsedRecord> records) {
    static ParsedBatch rejected(String reason) {
        return new ParsedBatch(Optional.of(reason), List.of());
    }

    static ParsedBatch of(List<ParsedRecord> records) {
        return new ParsedBatch(Optional.empty(), List.copyOf(records));
    }
}
