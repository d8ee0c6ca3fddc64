package org.stimtrial.instrument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.ValidationFailedException;

/**
 * A craving instrument defined as data: items with response ranges, and scales with a scoring rule. It checks a set
 * of responses (every item answered, each in range) and computes the scale scores.
 */
public final class Instrument {
    private final String code;
    private final String name;
    private final String description;
    private final List<InstrumentItem> items;
    private final List<InstrumentScale> scales;

    public Instrument(String code, String name, String description, List<InstrumentItem> items,
                      List<InstrumentScale> scales) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.items = List.copyOf(items);
        this.scales = List.copyOf(scales);
        for (InstrumentScale scale : scales) {
            for (String item : scale.items()) {
                if (item(item).isEmpty()) {
                    throw new IllegalArgumentException("scale " + scale.code() + " names unknown item " + item);
                }
            }
        }
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<InstrumentItem> items() {
        return items;
    }

    public List<InstrumentScale> scales() {
        return scales;
    }

    public Optional<InstrumentItem> item(String itemCode) {
        return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
    }

    /**
     * Checks the responses (hard edit checks: every item answered, no unknown item, each value in range) and returns
     * the scale scores. Field names in errors are {@code responses.<item>}.
     */
    public Map<String, BigDecimal> score(Map<String, BigDecimal> responses) {
        List<FieldError> errors = new ArrayList<>();
        for (InstrumentItem item : items) {
            BigDecimal value = responses.get(item.code());
            if (value == null) {
                errors.add(new FieldError("responses." + item.code(), "is required"));
            } else {
                item.reject(value).ifPresent(m -> errors.add(new FieldError("responses." + item.code(), m)));
            }
        }
        for (String given : responses.keySet()) {
            if (item(given).isEmpty()) {
                errors.add(new FieldError("responses." + given, "is not an item of instrument " + code));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (InstrumentScale scale : scales) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String itemCode : scale.items()) {
                sum = sum.add(item(itemCode).orElseThrow().scored(responses.get(itemCode)));
            }
            BigDecimal score = scale.rule() == ScoringRule.SUM ? sum
                    : sum.divide(BigDecimal.valueOf(scale.items().size()), MathContext.DECIMAL64);
            scores.put(scale.code(), plain(score.setScale(4, RoundingMode.HALF_EVEN)));
        }
        return scores;
    }

    /** Without trailing zeros, and never in exponent notation (70, not 7E+1). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
