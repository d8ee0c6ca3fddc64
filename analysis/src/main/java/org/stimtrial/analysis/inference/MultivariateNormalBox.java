package org.stimtrial.analysis.inference;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.numbers.gamma.Erfc;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.linalg.Dense;

/**
 * P(-h &lt; Z_j &lt; h for all j) for Z ~ N(0, R) with R a k x k correlation matrix, by Genz's (1992) sequential
 * conditioning on the Cholesky factor C of R: Z = C Y with Y standard normal, and
 * <pre>
 *   P = int phi(y_1) int phi(y_2) ... [Phi(b_k) - Phi(a_k)] dy_k-1 ... dy_1,
 *   a_i, b_i = (-+h - sum_j&lt;i c_ij y_j) / c_ii.
 * </pre>
 * Integrating over the y_i themselves (each within its conditional limits, against the normal density) rather than
 * over w keeps the integrand entire: the w form hides a near-singularity of width Phi(-h) at the ends of the cube,
 * which spoils exactly the small tail probabilities that p-values need. Each range, clipped to |y| &le; 8.5, is
 * covered by Gauss-Legendre panels at most 3 wide, so the rule converges geometrically in the points per panel.
 */
final class MultivariateNormalBox {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    /** |y| beyond which the normal density (below 1e-18) contributes nothing. */
    private static final double LIMIT = 8.5;
    /** The widest interval one Gauss-Legendre rule covers; longer ranges are split into panels. */
    private static final double PANEL_WIDTH = 3;
    private final int k;
    private final double[] c;
    private final double[] nodes;
    private final double[] weights;

    /**
     * @param correlation k x k, row-major
     * @param points Gauss-Legendre points per panel
     */
    MultivariateNormalBox(double[] correlation, int k, int points) {
        this.k = k;
        this.c = correlation.clone();
        if (!Dense.cholesky(c, k)) {
            throw new AnalysisException("The contrasts' correlation matrix is not positive definite: the family"
                    + " has redundant contrasts");
        }
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(points, -1, 1);
        nodes = new double[points];
        weights = new double[points];
        for (int i = 0; i < points; i++) {
            nodes[i] = rule.getPoint(i);
            weights[i] = rule.getWeight(i);
        }
    }

    /** P(|Z_j| &lt; h for all j). */
    double probability(double h) {
        if (h <= 0) {
            return 0;
        }
        return level(0, h, new double[k]);
    }

    private double level(int i, double h, double[] y) {
        double shift = 0;
        for (int j = 0; j < i; j++) {
            shift += c[i * k + j] * y[j];
        }
        double cii = c[i * k + i];
        double a = Math.max((-h - shift) / cii, -LIMIT);
        double b = Math.min((h - shift) / cii, LIMIT);
        if (!(b > a)) {
            return 0;
        }
        if (i == k - 1) {
            return phi(b) - phi(a);
        }
        int panels = (int) Math.ceil((b - a) / PANEL_WIDTH);
        double half = (b - a) / panels / 2;
        double sum = 0;
        for (int panel = 0; panel < panels; panel++) {
            double mid = a + (2 * panel + 1) * half;
            for (int m = 0; m < nodes.length; m++) {
                double v = mid + half * nodes[m];
                y[i] = v;
                sum += weights[m] * Math.exp(-v * v / 2) * level(i + 1, h, y);
            }
        }
        return sum * half / SQRT_2PI;
    }

    static double phi(double x) {
        return 0.5 * Erfc.value(-x / SQRT2);
    }
}
