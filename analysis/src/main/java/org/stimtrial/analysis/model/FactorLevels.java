package org.stimtrial.analysis.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How factors are coded: an explicit level order for some factors (the first level is the reference, as
 * {@code factor(x, levels=...)} in R) and a reference level for others ({@code relevel}); every other factor has
 * its levels sorted, as R does.
 */
public final class FactorLevels {
    private final Map<String, List<String>> orders;
    private final Map<String, String> references;

    private FactorLevels(Map<String, List<String>> orders, Map<String, String> references) {
        this.orders = Map.copyOf(orders);
        this.references = Map.copyOf(references);
    }

    public static FactorLevels defaults() {
        return new FactorLevels(Map.of(), Map.of());
    }

    /** A copy with {@code factor}'s levels in this order. */
    public FactorLevels withLevels(String factor, List<String> levels) {
        Map<String, List<String>> o = new HashMap<>(orders);
        o.put(factor, List.copyOf(levels));
        return new FactorLevels(o, references);
    }

    /** A copy with {@code level} as the reference level of {@code factor}. */
    public FactorLevels withReference(String factor, String level) {
        Map<String, String> r = new HashMap<>(references);
        r.put(factor, level);
        return new FactorLevels(orders, r);
    }

    Optional<List<String>> order(String factor) {
        return Optional.ofNullable(orders.get(factor));
    }

    Optional<String> reference(String factor) {
        return Optional.ofNullable(references.get(factor));
    }
}
