package org.stimtrial.randomization;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the unblinded statistician asks for. Stratification factors: {@code site} (the participant's site, levels from
 * the study) or a named factor with its levels, e.g. severity = [low, high].
 */
public sealed interface SchemeSetup {
    /** The secret seed (at least 16 characters); generated, and returned once, when absent. */
    Optional<String> seed();

    /** A stratification or minimization factor and, except for {@code site}, its levels. */
    record Factor(String name, List<String> levels) {
        public Factor {
            levels = List.copyOf(levels);
        }

        public static final String SITE = "site";
    }

    /** Stratified permuted blocks: block sizes are the multiples times the ratio total. */
    record Blocks(List<Factor> factors, List<Integer> blockMultiples, int entriesPerStratum, Optional<String> seed)
            implements SchemeSetup {
        public Blocks {
            factors = List.copyOf(factors);
            blockMultiples = List.copyOf(blockMultiples);
        }
    }

    /** Pocock-Simon minimization with factor weights, probability of the minimizing arm, and kits per arm. */
    record Minimize(List<Factor> factors, Map<String, Double> weights, double probability, int kitsPerArm,
                    Optional<String> seed) implements SchemeSetup {
        public Minimize {
            factors = List.copyOf(factors);
            weights = Map.copyOf(weights);
        }
    }
}
