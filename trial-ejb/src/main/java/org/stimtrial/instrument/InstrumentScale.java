package org.stimtrial.instrument;

import java.util.List;
import java.util.Objects;

/** A total or subscale score over some of the instrument's items. */
public record InstrumentScale(String code, String name, ScoringRule rule, List<String> items) {
    public InstrumentScale {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(rule);
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("scale " + code + " has no items");
        }
    }
}
