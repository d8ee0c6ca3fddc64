package org.stimtrial.analysis.inference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.stimtrial.analysis.AnalysisException;

/**
 * Dunnett's many-to-one adjustment by the multivariate t integral, the definition of emmeans' {@code adjust = "mvt"}:
 * for contrast i with statistic t_i, p_i = P(max_j |T_j| &ge; |t_i|) where T follows the central multivariate t with
 * the contrasts' correlation matrix R and df_i truncated to an integer (as emmeans does); an infinite df gives the
 * multivariate normal. The integral is deterministic, not Monte Carlo:
 * <pre>
 *   P(max_j |T_j| &lt; h) = int_0^1 G(h s(u) / sqrt(nu)) du,   s(u) = sqrt(chi2_nu^-1(u)),
 * </pre>
 * G the normal box probability of {@link MultivariateNormalBox}, which every contrast of the family shares: it is
 * computed once at Chebyshev points and interpolated. The outer integral uses Gauss-Legendre panels that are dense
 * near both ends of (0, 1). The error estimate reported is the largest difference between G computed with two
 * inner rules (12 and 8 points per panel for up to four contrasts).
 */
public final class Dunnett {
    /** Families larger than this would need too many tensor-rule points; use Holm there. */
    public static final int MAX_CONTRASTS = 6;
    private static final double[] PANELS = {0, 1e-8, 1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.2, 0.5, 0.8, 0.95, 0.99, 0.999,
        1 - 1e-4, 1 - 1e-6, 1 - 1e-8, 1 - 1e-10};
    private static final int PANEL_POINTS = 10;

    /** Adjusted p-values and the largest difference between the fine and the coarse inner rule. */
    public record Result(double[] adjusted, double errorEstimate) {
        public Result {
            adjusted = adjusted.clone();
        }

        @Override
        public double[] adjusted() {
            return adjusted.clone();
        }
    }

    private Dunnett() {
    }

    /**
     * @param contrasts the family (estimate, SE, df, statistic used)
     * @param covariance the contrasts' covariance matrix (k x k, row-major)
     */
    public static Result adjust(List<Contrast> contrasts, double[] covariance) {
        int k = contrasts.size();
        if (k == 0) {
            return new Result(new double[0], 0);
        }
        if (k > MAX_CONTRASTS) {
            throw new AnalysisException("Dunnett's adjustment is available for up to " + MAX_CONTRASTS
                    + " contrasts (this family has " + k + "); use --adjust holm");
        }
        double[] correlation = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                correlation[i * k + j] = covariance[i * k + j]
                        / Math.sqrt(covariance[i * k + i] * covariance[j * k + j]);
            }
        }
        int points = finePoints(k);
        BoxCurve fine = new BoxCurve(new MultivariateNormalBox(correlation, k, points));
        BoxCurve coarse = new BoxCurve(new MultivariateNormalBox(correlation, k, points - 4));
        double error = 0;
        for (int j = 0; j < fine.values.length; j++) {
            error = Math.max(error, Math.abs(fine.values[j] - coarse.values[j]));
        }
        Map<Integer, double[]> chiNodes = new HashMap<>();
        double[] adjusted = new double[k];
        for (int i = 0; i < k; i++) {
            Contrast c = contrasts.get(i);
            double h = Math.abs(c.statistic());
            int nu = degreesOfFreedom(c.df());
            double p = nu == 0 ? 1 - fine.at(h) : tail(fine, h, chiNodes.computeIfAbsent(nu, Dunnett::scaledChiNodes));
            adjusted[i] = Math.min(1, Math.max(0, p));
        }
        return new Result(adjusted, error);
    }

    /** The integer df used, or 0 for the normal limit (infinite or at least a million df). */
    static int degreesOfFreedom(double df) {
        if (Double.isInfinite(df) || df >= 1e6) {
            return 0;
        }
        if (!(df >= 1)) {
            throw new AnalysisException("Dunnett's adjustment needs at least 1 degree of freedom (got " + df + ")");
        }
        return (int) Math.floor(df);
    }

    private static int finePoints(int k) {
        return k <= 4 ? 12 : 10;
    }

    /** P(max |T| &ge; h) = int_0^1 (1 - G(h s(u)/sqrt(nu))) du over the panels; weights are interleaved. */
    private static double tail(BoxCurve box, double h, double[] scaleAndWeight) {
        double sum = 0;
        for (int i = 0; i < scaleAndWeight.length; i += 2) {
            sum += scaleAndWeight[i + 1] * (1 - box.at(h * scaleAndWeight[i]));
        }
        return sum;
    }

    /** For each outer node: s(u)/sqrt(nu) and the node's weight. */
    private static double[] scaledChiNodes(int nu) {
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(nu);
        double[] out = new double[2 * PANEL_POINTS * (PANELS.length - 1)];
        int n = 0;
        for (int p = 0; p + 1 < PANELS.length; p++) {
            GaussIntegrator rule = new GaussIntegratorFactory().legendre(PANEL_POINTS, PANELS[p], PANELS[p + 1]);
            for (int i = 0; i < PANEL_POINTS; i++) {
                out[n++] = Math.sqrt(chi2.inverseCumulativeProbability(rule.getPoint(i)) / nu);
                out[n++] = rule.getWeight(i);
            }
        }
        return out;
    }

    /**
     * G(H) = P(max_j |Z_j| &lt; H) as one curve for the whole family (all contrasts share R): evaluated at Chebyshev
     * points of [0, 7] and interpolated barycentrically; beyond 7, 1 - G is below 1e-11 and G is taken as 1.
     */
    private static final class BoxCurve {
        private static final double TOP = 7;
        private static final int DEGREE = 64;
        private final double[] nodes = new double[DEGREE + 1];
        private final double[] values = new double[DEGREE + 1];

        BoxCurve(MultivariateNormalBox box) {
            for (int j = 0; j <= DEGREE; j++) {
                nodes[j] = TOP / 2 * (1 - Math.cos(Math.PI * j / DEGREE));
                values[j] = box.probability(nodes[j]);
            }
        }

        double at(double h) {
            if (h >= TOP) {
                return 1;
            }
            double num = 0;
            double den = 0;
            for (int j = 0; j <= DEGREE; j++) {
                double diff = h - nodes[j];
                if (diff == 0) {
                    return values[j];
                }
                double w = (j % 2 == 0 ? 1 : -1) * (j == 0 || j == DEGREE ? 0.5 : 1) / diff;
                num += w * values[j];
                den += w;
            }
            return num / den;
        }
    }
}
