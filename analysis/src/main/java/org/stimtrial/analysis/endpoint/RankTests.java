package org.stimtrial.analysis.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** Rank tests as R computes them: kruskal.test, and wilcox.test(exact = FALSE, correct = TRUE). */
public final class RankTests {
    /** A test statistic with its degrees of freedom (where there are any) and p-value. */
    public record Outcome(double statistic, double df, double p) {
    }

    private RankTests() {
    }

    /** Kruskal-Wallis rank-sum test with the tie correction. */
    public static Outcome kruskalWallis(List<double[]> groups) {
        List<Double> all = new ArrayList<>();
        groups.forEach(g -> Arrays.stream(g).forEach(all::add));
        double[] values = all.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ranks = ranks(values);
        int n = values.length;
        double h = 0;
        int offset = 0;
        for (double[] g : groups) {
            double r = 0;
            for (int i = 0; i < g.length; i++) {
                r += ranks[offset + i];
            }
            h += r * r / g.length;
            offset += g.length;
        }
        h = 12.0 / (n * (n + 1.0)) * h - 3.0 * (n + 1);
        h /= 1 - ties(values) / ((double) n * n * n - n);
        int df = groups.size() - 1;
        return new Outcome(h, df, 1 - new ChiSquaredDistribution(df).cumulativeProbability(h));
    }

    /**
     * Wilcoxon rank-sum test of x against y, normal approximation with tie and continuity correction. The statistic
     * W is the rank sum of x minus n_x (n_x + 1) / 2, as R reports it.
     */
    public static Outcome wilcoxon(double[] x, double[] y) {
        double[] values = new double[x.length + y.length];
        System.arraycopy(x, 0, values, 0, x.length);
        System.arraycopy(y, 0, values, x.length, y.length);
        double[] ranks = ranks(values);
        double rankSum = 0;
        for (int i = 0; i < x.length; i++) {
            rankSum += ranks[i];
        }
        double nx = x.length;
        double ny = y.length;
        double w = rankSum - nx * (nx + 1) / 2;
        double z = w - nx * ny / 2;
        double n = nx + ny;
        double sigma = Math.sqrt(nx * ny / 12 * ((n + 1) - ties(values) / (n * (n - 1))));
        z = (z - Math.signum(z) * 0.5) / sigma;
        NormalDistribution normal = new NormalDistribution();
        double p = 2 * Math.min(normal.cumulativeProbability(z), 1 - normal.cumulativeProbability(z));
        return new Outcome(w, Double.NaN, p);
    }

    /** Mid-ranks (ties get the average rank). */
    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mid;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Sum of t^3 - t over groups of tied values. */
    private static double ties(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double s = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            s += t * t * t - t;
            i = j + 1;
        }
        return s;
    }
}
