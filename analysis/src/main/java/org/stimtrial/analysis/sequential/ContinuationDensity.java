package org.stimtrial.analysis.sequential;

import java.util.ArrayList;
import java.util.List;

/**
 * The null density of the standardised statistic {@code Z_k} at look {@code k}, restricted to paths that stayed
 * inside the continuation region at every look so far, on a grid with Simpson weights folded in ({@code h[i] =
 * weight[i] * f_k(z[i])}). Grid: Jennison and Turnbull (2000, chapter 19), {@code 6r - 1} points concentrated around
 * the mean and reaching 3 + 4 ln r standard deviations into the tails, cut at the boundaries, midpoints added.
 */
final class ContinuationDensity {
    /** Jennison and Turnbull's grid size parameter (gsDesign's default). */
    static final int R = 18;

    private final double fraction;
    private final double[] z;
    private final double[] h;

    private ContinuationDensity(double fraction, double[] z, double[] h) {
        this.fraction = fraction;
        this.z = z;
        this.h = h;
    }

    /** Look 1 at information fraction {@code t}: {@code Z_1 ~ N(0, 1)}, continuing on {@code (lower, upper)}. */
    static ContinuationDensity first(double t, double lower, double upper) {
        double[][] grid = simpsonGrid(lower, upper);
        double[] h = new double[grid[0].length];
        for (int i = 0; i < h.length; i++) {
            h[i] = grid[1][i] * Normal.density(grid[0][i]);
        }
        return new ContinuationDensity(t, grid[0], h);
    }

    /** The next look at fraction {@code t}, continuing on {@code (lower, upper)}. */
    ContinuationDensity next(double t, double lower, double upper) {
        double[][] grid = simpsonGrid(lower, upper);
        double rootT = Math.sqrt(t);
        double rootPrev = Math.sqrt(fraction);
        double rootStep = Math.sqrt(t - fraction);
        double[] next = new double[grid[0].length];
        for (int i = 0; i < next.length; i++) {
            double sum = 0;
            for (int j = 0; j < z.length; j++) {
                sum += h[j] * Normal.density((grid[0][i] * rootT - z[j] * rootPrev) / rootStep);
            }
            next[i] = grid[1][i] * sum * rootT / rootStep;
        }
        return new ContinuationDensity(t, grid[0], next);
    }

    /**
     * The probability of continuing to here and then crossing {@code c} at the next look, fraction {@code t}
     * (and, two-sided, also {@code -c}).
     */
    double crossing(double t, double c, boolean twoSided) {
        double rootT = Math.sqrt(t);
        double rootPrev = Math.sqrt(fraction);
        double rootStep = Math.sqrt(t - fraction);
        double p = 0;
        for (int j = 0; j < z.length; j++) {
            p += h[j] * Normal.upperTail((c * rootT - z[j] * rootPrev) / rootStep);
            if (twoSided) {
                p += h[j] * Normal.upperTail((c * rootT + z[j] * rootPrev) / rootStep);
            }
        }
        return p;
    }

    /** Grid points (row 0) and Simpson weights (row 1) on {@code (lower, upper)}. */
    private static double[][] simpsonGrid(double lower, double upper) {
        List<Double> breaks = new ArrayList<>();
        if (Double.isFinite(lower)) {
            breaks.add(lower);
        }
        for (int i = 1; i <= 6 * R - 1; i++) {
            double x;
            if (i < R) {
                x = -3 - 4 * Math.log((double) R / i);
            } else if (i <= 5 * R) {
                x = -3 + 3.0 * (i - R) / (2 * R);
            } else {
                x = 3 + 4 * Math.log((double) R / (6 * R - i));
            }
            if (x > lower && x < upper) {
                breaks.add(x);
            }
        }
        if (Double.isFinite(upper)) {
            breaks.add(upper);
        }
        int m = breaks.size();
        double[] points = new double[2 * m - 1];
        double[] weights = new double[2 * m - 1];
        for (int j = 0; j < m; j++) {
            points[2 * j] = breaks.get(j);
        }
        for (int j = 0; j < m - 1; j++) {
            double a = breaks.get(j);
            double b = breaks.get(j + 1);
            double d = b - a;
            points[2 * j + 1] = (a + b) / 2;
            weights[2 * j] += d / 6;
            weights[2 * j + 1] += 4 * d / 6;
            weights[2 * j + 2] += d / 6;
        }
        return new double[][] {points, weights};
    }
}
