package org.stimtrial.analysis.inference;

import java.util.List;
import org.stimtrial.analysis.linalg.Dense;

/**
 * Kenward and Roger's (1997) small-sample inference for L'beta in a REML-fitted linear mixed model, as pbkrtest
 * computes it. The covariance of y is linear in the variance parameters gamma (Sigma = sum_k gamma_k G_k), so the
 * second-derivative term R of the paper is zero. From P_k = -X'Sigma^-1 G_k Sigma^-1 X,
 * Q_kl = X'Sigma^-1 G_k Sigma^-1 G_l Sigma^-1 X and the expected information of gamma, W (its inverse, times 2):
 * <pre>
 *   Phi_A = Phi + 2 Phi U Phi,   U = sum_kl W_kl (Q_kl - P_k Phi P_l)
 * </pre>
 * and the denominator df of a single contrast follow pbkrtest's {@code Lb_ddf} with q = 1.
 */
public final class KenwardRoger {
    private final int p;
    private final double[] phi;
    private final double[] adjusted;
    private final List<double[]> pk;
    private final double[] w;

    /**
     * @param phi the unadjusted covariance of beta (p x p, row-major)
     * @param adjusted Phi_A (p x p)
     * @param pk the P_k matrices (p x p each)
     * @param w W = 2 I_E^-1, k x k with k = pk.size()
     */
    public KenwardRoger(int p, double[] phi, double[] adjusted, List<double[]> pk, double[] w) {
        this.p = p;
        this.phi = phi.clone();
        this.adjusted = adjusted.clone();
        this.pk = pk.stream().map(double[]::clone).toList();
        this.w = w.clone();
    }

    /** The adjusted covariance Phi_A of beta (p x p, row-major): KR standard errors are its diagonal's roots. */
    public double[] adjustedVcov() {
        return adjusted.clone();
    }

    /** The Kenward-Roger denominator df for testing l'beta = 0. */
    public double df(double[] l) {
        double[] a = Dense.multiply(phi, p, p, l, 1);
        double s = dot(l, a);
        int k = pk.size();
        double[] tr = new double[k];
        for (int i = 0; i < k; i++) {
            tr[i] = dot(a, Dense.multiply(pk.get(i), p, p, a, 1)) / s;
        }
        // Theta = l l'/s is rank one, so trace(u_i u_j) = trace(u_i) trace(u_j): A1 and A2 are the same sum.
        double a1 = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a1 += w[i * k + j] * tr[i] * tr[j];
            }
        }
        double a2 = a1;
        double b = (a1 + 6 * a2) / 2;
        double g = (2 * a1 - 5 * a2) / (3 * a2);
        double c1 = g / (3 + 2 * (1 - g));
        double c2 = (1 - g) / (3 + 2 * (1 - g));
        double c3 = (3 - g) / (3 + 2 * (1 - g));
        double v0 = 1 + c1 * b;
        double v1 = 1 - c2 * b;
        double v2 = 1 - c3 * b;
        v0 = Math.abs(v0) < 1e-10 ? 0 : v0;
        double ratio = Math.abs(1 - a2) < 1e-14 && Math.abs(v1) < 1e-14 ? 1 : (1 - a2) / v1;
        double rho = ratio * ratio * v0 / v2;
        return 4 + 3 / (rho - 1);
    }

    /** l'beta with its KR SE (from Phi_A), KR df, t, p and 95% CI. */
    public Contrast contrast(String label, double[] l, double[] beta) {
        return Contrast.of(label, l, beta, adjusted, df(l));
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
