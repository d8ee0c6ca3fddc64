package org.stimtrial.analysis.inference;

import org.hipparchus.distribution.RealDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * An estimate L'beta with its SE, df, t statistic, two-sided p-value and 95% confidence interval; an infinite df
 * gives a z test (GEE, GLMM).
 */
public record Contrast(String label, double estimate, double se, double df, double statistic, double p,
                       double lower, double upper) {

    public static Contrast of(String label, double[] weights, double[] beta, double[] vcov, double df) {
        int p = beta.length;
        double est = 0;
        double var = 0;
        for (int i = 0; i < p; i++) {
            est += weights[i] * beta[i];
            for (int j = 0; j < p; j++) {
                var += weights[i] * vcov[i * p + j] * weights[j];
            }
        }
        double se = Math.sqrt(var);
        double t = est / se;
        RealDistribution dist = Double.isInfinite(df) ? new NormalDistribution() : new TDistribution(df);
        double pValue = 2 * dist.cumulativeProbability(-Math.abs(t));
        double q = dist.inverseCumulativeProbability(0.975);
        return new Contrast(label, est, se, df, t, pValue, est - q * se, est + q * se);
    }
}
