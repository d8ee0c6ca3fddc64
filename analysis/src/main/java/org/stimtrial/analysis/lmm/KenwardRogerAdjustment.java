package org.stimtrial.analysis.lmm;

import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.inference.KenwardRoger;
import org.stimtrial.analysis.linalg.Dense;

/**
 * Builds {@link KenwardRoger} for a REML fit. The variance parameters gamma are the elements of each random term's
 * covariance matrix D = sigma^2 Lambda Lambda' (the same lower-triangle positions as theta) and the residual variance;
 * Sigma_i = sigma^2 I + Z_i D Z_i' is block-diagonal by group, so every quantity is a sum over groups of small
 * dense products: the cost grows with the number of groups, never as the square of the rows.
 */
final class KenwardRogerAdjustment {
    private final LmmProblem problem;
    private final int p;
    private final int q;
    private final int k;
    private final double[] d;
    private final double residualVariance;
    private final List<int[]> rowsOfGroup;

    private KenwardRogerAdjustment(LmmProblem problem, double[] theta, double sigma) {
        this.problem = problem;
        this.p = problem.p;
        this.q = problem.q;
        this.k = problem.random.thetaSize() + 1;
        this.residualVariance = sigma * sigma;
        double[] lambda = problem.random.lambda(theta);
        this.d = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double s = 0;
                for (int m = 0; m < q; m++) {
                    s += lambda[i * q + m] * lambda[j * q + m];
                }
                d[i * q + j] = s * residualVariance;
            }
        }
        int[] counts = new int[problem.m];
        for (int r = 0; r < problem.n; r++) {
            counts[problem.random.groupOf(r)]++;
        }
        List<int[]> rows = new ArrayList<>();
        for (int g = 0; g < problem.m; g++) {
            rows.add(new int[counts[g]]);
        }
        int[] fill = new int[problem.m];
        for (int r = 0; r < problem.n; r++) {
            int g = problem.random.groupOf(r);
            rows.get(g)[fill[g]++] = r;
        }
        this.rowsOfGroup = rows;
    }

    /**
     * @param phi the unadjusted covariance of beta at the REML estimates
     */
    static KenwardRoger compute(LmmProblem problem, double[] theta, double sigma, double[] phi) {
        return new KenwardRogerAdjustment(problem, theta, sigma).run(phi);
    }

    private KenwardRoger run(double[] phi) {
        double[][] pk = new double[k][p * p];
        double[][][] qkl = new double[k][k][p * p];
        double[] ktrace = new double[k * k];
        for (int[] rows : rowsOfGroup) {
            accumulate(rows, pk, qkl, ktrace);
        }
        double[] information = new double[k * k];
        for (int a = 0; a < k; a++) {
            double[] phiPa = Dense.multiply(phi, pk[a], p);
            for (int b = a; b < k; b++) {
                double[] pbPhi = Dense.multiply(pk[b], phi, p);
                double value = ktrace[a * k + b] - 2 * frobenius(phi, qkl[a][b]) + frobenius(phiPa, pbPhi);
                information[a * k + b] = value;
                information[b * k + a] = value;
            }
        }
        double[] w = Dense.inverseSpd(information, k).orElseThrow(() -> new AnalysisException(
                "Kenward-Roger: the expected information of the variance parameters is singular (is the fit"
                        + " singular?); use Satterthwaite's df"));
        for (int i = 0; i < w.length; i++) {
            w[i] *= 2;
        }
        double[] u = new double[p * p];
        for (int a = 0; a < k; a++) {
            double[] paPhi = Dense.multiply(pk[a], phi, p);
            for (int b = 0; b < k; b++) {
                double[] paPhiPb = Dense.multiply(paPhi, pk[b], p);
                double[] qab = a <= b ? qkl[a][b] : transpose(qkl[b][a]);
                double wab = w[a * k + b];
                for (int i = 0; i < p * p; i++) {
                    u[i] += wab * (qab[i] - paPhiPb[i]);
                }
            }
        }
        double[] phiUPhi = Dense.multiply(Dense.multiply(phi, u, p), phi, p);
        double[] adjusted = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                // symmetrized against rounding
                adjusted[i * p + j] = phi[i * p + j] + (phiUPhi[i * p + j] + phiUPhi[j * p + i]);
            }
        }
        return new KenwardRoger(p, phi, adjusted, List.of(pk), w);
    }

    /** Adds group i's terms of P_k, Q_kl (k <= l) and trace(Sigma^-1 G_k Sigma^-1 G_l). */
    private void accumulate(int[] rows, double[][] pk, double[][][] qkl, double[] ktrace) {
        int n = rows.length;
        double[] z = new double[n * q];
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < q; a++) {
                z[i * q + a] = problem.random.z(rows[i], a);
            }
            for (int j = 0; j < p; j++) {
                x[i * p + j] = problem.x.get(rows[i], j);
            }
        }
        double[] sigma = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? residualVariance : 0;
                for (int a = 0; a < q; a++) {
                    for (int b = 0; b < q; b++) {
                        s += z[i * q + a] * d[a * q + b] * z[j * q + b];
                    }
                }
                sigma[i * n + j] = s;
            }
        }
        double[] sInv = Dense.inverseSpd(sigma, n).orElseThrow(() -> new AnalysisException(
                "Kenward-Roger: a group's covariance matrix is not positive definite"));
        double[] t = Dense.multiply(sInv, n, n, x, p);
        double[][] h = new double[k][];
        double[][] o = new double[k][];
        double[][] so = new double[k][];
        for (int g = 0; g < k; g++) {
            h[g] = Dense.multiply(derivative(g, z, n), n, n, sInv, n);
            o[g] = Dense.multiply(h[g], n, n, x, p);
            so[g] = Dense.multiply(sInv, n, n, o[g], p);
        }
        for (int a = 0; a < k; a++) {
            addCrossProduct(pk[a], o[a], t, n, -1);
            for (int b = a; b < k; b++) {
                addCrossProduct(qkl[a][b], o[a], so[b], n, 1);
                double tr = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        tr += h[a][i * n + j] * h[b][j * n + i];
                    }
                }
                ktrace[a * k + b] += tr;
                if (a != b) {
                    ktrace[b * k + a] += tr;
                }
            }
        }
    }

    /** dSigma_i / dgamma_g: z_r z_c' + z_c z_r' for an off-diagonal element of D, z_r z_r' on the diagonal, I last. */
    private double[] derivative(int g, double[] z, int n) {
        double[] out = new double[n * n];
        if (g == k - 1) {
            for (int i = 0; i < n; i++) {
                out[i * n + i] = 1;
            }
            return out;
        }
        int r = problem.random.thetaRow(g);
        int c = problem.random.thetaCol(g);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = z[i * q + r] * z[j * q + c];
                if (r != c) {
                    v += z[i * q + c] * z[j * q + r];
                }
                out[i * n + j] = v;
            }
        }
        return out;
    }

    /** target += sign * a' b for n x p matrices a and b. */
    private void addCrossProduct(double[] target, double[] a, double[] b, int n, double sign) {
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p; i++) {
                double air = a[r * p + i];
                if (air == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    target[i * p + j] += sign * air * b[r * p + j];
                }
            }
        }
    }

    private double[] transpose(double[] m) {
        double[] t = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                t[j * p + i] = m[i * p + j];
            }
        }
        return t;
    }

    private static double frobenius(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
