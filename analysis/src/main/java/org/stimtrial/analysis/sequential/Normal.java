package org.stimtrial.analysis.sequential;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.special.Erf;

/** The standard normal distribution, with upper tails computed without cancellation (erfc). */
final class Normal {
    private static final NormalDistribution STANDARD = new NormalDistribution();
    private static final double ROOT_2 = Math.sqrt(2);
    private static final double ROOT_2_PI = Math.sqrt(2 * Math.PI);

    private Normal() {
    }

    static double density(double z) {
        return Math.exp(-0.5 * z * z) / ROOT_2_PI;
    }

    /** P(Z >= z). */
    static double upperTail(double z) {
        if (z == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (z == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        return 0.5 * Erf.erfc(z / ROOT_2);
    }

    /** The z with P(Z >= z) = p. */
    static double upperQuantile(double p) {
        return -STANDARD.inverseCumulativeProbability(p);
    }
}
