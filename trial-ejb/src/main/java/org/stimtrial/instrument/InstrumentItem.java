package org.stimtrial.instrument;

import java.math.BigDecimal;
import java.util.Objects;

/** One item of an instrument: its response range, whether answers are whole numbers, and whether it is reverse-scored. */
public record InstrumentItem(String code, String label, BigDecimal min, BigDecimal max, boolean integer,
                             boolean reverse) {
    public InstrumentItem {
        Objects.requireNonNull(code);
        Objects.requireNonNull(label);
        if (min.compareTo(max) >= 0) {
            throw new IllegalArgumentException("item " + code + ": min must be below max");
        }
    }

    /** Why {@code value} is not an acceptable answer to this item; empty when it is. */
    public java.util.Optional<String> reject(BigDecimal value) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return java.util.Optional.of("must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        if (integer && value.stripTrailingZeros().scale() > 0) {
            return java.util.Optional.of("must be a whole number");
        }
        return java.util.Optional.empty();
    }

    /** The value that enters the score: reverse-scored items count {@code min + max - value}. */
    public BigDecimal scored(BigDecimal value) {
        return reverse ? min.add(max).subtract(value) : value;
    }
}
