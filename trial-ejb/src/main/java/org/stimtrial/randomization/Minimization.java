package org.stimtrial.randomization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pocock and Simon's (1975) minimization. For each candidate arm, the imbalance it would cause is the weighted sum
 * over the factors of the range (max - min) of the counts of earlier participants with the new participant's level
 * of that factor, each arm's count divided by its allocation weight, after adding the participant to the candidate.
 * With probability p the arm of least imbalance is taken (ties broken at random); otherwise one of the other arms,
 * at random with probability proportional to its weight. The random element keeps the sequence unpredictable.
 */
public final class Minimization {
    /** The decision and how it was reached (kept with the allocation, visible to unblinded roles only). */
    public record Decision(String arm, Map<String, Double> imbalance, boolean tookMinimizing) {
    }

    private final List<ArmShare> arms;
    private final Map<String, Double> weights;
    private final double probability;

    /**
     * @param weights factor name to weight (factors not listed are not minimized)
     * @param probability probability of taking the minimizing arm, in (0, 1]
     */
    public Minimization(List<ArmShare> arms, Map<String, Double> weights, double probability) {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("randomization needs at least two arms");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("the probability of the minimizing arm must be in (0, 1]");
        }
        if (weights.isEmpty() || weights.values().stream().anyMatch(w -> !(w > 0))) {
            throw new IllegalArgumentException("minimization needs at least one factor with a positive weight");
        }
        this.arms = List.copyOf(arms);
        this.weights = Map.copyOf(weights);
        this.probability = probability;
    }

    /**
     * @param levels the new participant's level of each factor
     * @param counts for each factor, level and arm: how many earlier participants had that level and arm
     */
    public Decision choose(Map<String, String> levels, Counts counts, AllocationRandom random) {
        Map<String, Double> imbalance = new LinkedHashMap<>();
        for (ArmShare candidate : arms) {
            double total = 0;
            for (Map.Entry<String, Double> f : weights.entrySet()) {
                String level = levels.get(f.getKey());
                if (level == null) {
                    throw new IllegalArgumentException("no level given for factor " + f.getKey());
                }
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (ArmShare arm : arms) {
                    double n = counts.count(f.getKey(), level, arm.code()) + (arm == candidate ? 1 : 0);
                    double scaled = n / arm.weight();
                    min = Math.min(min, scaled);
                    max = Math.max(max, scaled);
                }
                total += f.getValue() * (max - min);
            }
            imbalance.put(candidate.code(), total);
        }
        double best = imbalance.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        List<ArmShare> minimizing = new ArrayList<>();
        List<ArmShare> others = new ArrayList<>();
        for (ArmShare arm : arms) {
            (imbalance.get(arm.code()) <= best + 1e-12 ? minimizing : others).add(arm);
        }
        boolean takeMinimizing = others.isEmpty() || random.nextDouble() < probability;
        List<ArmShare> pool = takeMinimizing ? minimizing : others;
        return new Decision(weighted(pool, random), imbalance, takeMinimizing);
    }

    private static String weighted(List<ArmShare> pool, AllocationRandom random) {
        int r = random.nextInt(ArmShare.total(pool));
        for (ArmShare arm : pool) {
            r -= arm.weight();
            if (r < 0) {
                return arm.code();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Counts of earlier participants by factor, level and arm. */
    @FunctionalInterface
    public interface Counts {
        int count(String factor, String level, String arm);
    }
}
