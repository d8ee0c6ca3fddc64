package org.stimtrial.analysis.glmm;

import java.util.Arrays;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.lmm.RandomStructure;
import org.stimtrial.analysis.model.Design;

/**
 * The Laplace deviance of a logistic GLMM whose groups have q random effects (e.g. an intercept and a slope for
 * week), as lme4 defines it. Lambda is the lower-triangular relative covariance factor (theta, lme4's order); for
 * group g the spherical effects u (b = Lambda u) have d_g(u) = -2 log p(y_g | u) + u'u with
 * eta = X beta + Z Lambda u. Newton's method finds the mode u0, where M_g = I + Lambda' Z_g' W Z_g Lambda
 * (W = mu(1 - mu)), and D = sum_g d_g(u0) + log det M_g. For q = 1 this is {@link BinomialDeviance}'s Laplace value.
 */
final class VectorLaplaceDeviance {
    private static final double NEWTON_ONLY = 1e-6;
    private final Design x;
    private final double[] y;
    private final RandomStructure random;
    private final int[][] rowsOf;
    private final int q;
    private final int thetas;
    private final double[][] modes;
    private final double[] eta0;
    private final double[] zl;

    VectorLaplaceDeviance(Design x, double[] y, RandomStructure random, int[][] rowsOf) {
        this.x = x;
        this.y = y;
        this.random = random;
        this.rowsOf = rowsOf;
        this.q = random.q();
        this.thetas = random.thetaSize();
        this.modes = new double[rowsOf.length][q];
        this.eta0 = new double[x.rows()];
        this.zl = new double[x.rows() * q];
    }

    int parameters() {
        return thetas + x.columns();
    }

    /** The deviance at theta = par[0..t-1], beta = par[t..]. */
    double value(double[] par) {
        prepare(par);
        double total = 0;
        double[] m = new double[q * q];
        for (int g = 0; g < rowsOf.length; g++) {
            double[] u = mode(g);
            total += d(g, u) + logDet(information(g, u, m));
        }
        return total;
    }

    /** X'WX minus each group's C' M^-1 C (C = Lambda' Z' W X): the information for beta given theta. */
    double[] conditionalInformation(double[] par) {
        value(par);
        int p = x.columns();
        double[] a = new double[p * p];
        double[] m = new double[q * q];
        for (int g = 0; g < rowsOf.length; g++) {
            double[] u = modes[g];
            double[] c = new double[q * p];
            for (int r : rowsOf[g]) {
                double w = weight(r, u);
                for (int i = 0; i < p; i++) {
                    double xi = x.get(r, i);
                    for (int k = 0; k < q; k++) {
                        c[k * p + i] += w * zl[r * q + k] * xi;
                    }
                    for (int j = 0; j < p; j++) {
                        a[i * p + j] += w * xi * x.get(r, j);
                    }
                }
            }
            double[] chol = cholesky(information(g, u, m));
            for (int j = 0; j < p; j++) {
                double[] column = new double[q];
                for (int k = 0; k < q; k++) {
                    column[k] = c[k * p + j];
                }
                double[] solved = solve(chol, column);
                for (int i = 0; i < p; i++) {
                    double s = 0;
                    for (int k = 0; k < q; k++) {
                        s += c[k * p + i] * solved[k];
                    }
                    a[i * p + j] -= s;
                }
            }
        }
        return a;
    }

    /** X beta and Lambda' z for every row. */
    private void prepare(double[] par) {
        int p = x.columns();
        double[] theta = new double[thetas];
        System.arraycopy(par, 0, theta, 0, thetas);
        double[] lambda = random.lambda(theta);
        for (int r = 0; r < x.rows(); r++) {
            double e = 0;
            for (int j = 0; j < p; j++) {
                e += x.get(r, j) * par[thetas + j];
            }
            eta0[r] = e;
            for (int k = 0; k < q; k++) {
                double s = 0;
                for (int i = k; i < q; i++) {
                    s += lambda[i * q + k] * random.z(r, i);
                }
                zl[r * q + k] = s;
            }
        }
    }

    /**
     * The conditional mode of group g's spherical effects, by Newton's method: halving a step that raises d while
     * the step is larger than {@link #NEWTON_ONLY}, full steps below it (there d's changes are at its rounding
     * level, while log det M, linear in u near the mode, still moves), until the Newton step is below 1e-12.
     */
    private double[] mode(int g) {
        double[] u = modes[g].clone();
        double current = d(g, u);
        double[] m = new double[q * q];
        for (int it = 0; it < 100; it++) {
            double[] grad = new double[q];
            for (int k = 0; k < q; k++) {
                grad[k] = u[k];
            }
            for (int r : rowsOf[g]) {
                double residual = y[r] - BinomialDeviance.mu(eta(r, u));
                for (int k = 0; k < q; k++) {
                    grad[k] -= zl[r * q + k] * residual;
                }
            }
            double[] step = solve(cholesky(information(g, u, m)), grad);
            double largest = 0;
            for (double v : step) {
                largest = Math.max(largest, Math.abs(v));
            }
            double[] next = new double[q];
            double value;
            double size = 1;
            do {
                for (int k = 0; k < q; k++) {
                    next[k] = u[k] - size * step[k];
                }
                value = d(g, next);
                size /= 2;
            } while (value > current && largest > NEWTON_ONLY && size > 1e-15);
            u = next;
            current = value;
            if (largest < 1e-12) {
                break;
            }
        }
        modes[g] = u;
        return u;
    }

    private double eta(int r, double[] u) {
        double e = eta0[r];
        for (int k = 0; k < q; k++) {
            e += zl[r * q + k] * u[k];
        }
        return e;
    }

    private double weight(int r, double[] u) {
        double mu = BinomialDeviance.mu(eta(r, u));
        return mu * (1 - mu);
    }

    private double d(int g, double[] u) {
        double s = 0;
        for (double v : u) {
            s += v * v;
        }
        for (int r : rowsOf[g]) {
            s += 2 * BinomialDeviance.minusLogLikelihood(y[r], eta(r, u));
        }
        return s;
    }

    /** M = I + Lambda' Z' W Z Lambda for group g at u, written into {@code m}. */
    private double[] information(int g, double[] u, double[] m) {
        Arrays.fill(m, 0);
        for (int k = 0; k < q; k++) {
            m[k * q + k] = 1;
        }
        for (int r : rowsOf[g]) {
            double w = weight(r, u);
            for (int k = 0; k < q; k++) {
                for (int l = 0; l <= k; l++) {
                    m[k * q + l] += w * zl[r * q + k] * zl[r * q + l];
                }
            }
        }
        for (int k = 0; k < q; k++) {
            for (int l = k + 1; l < q; l++) {
                m[k * q + l] = m[l * q + k];
            }
        }
        return m;
    }

    /** The lower Cholesky factor of a small positive definite matrix (row-major). */
    private double[] cholesky(double[] a) {
        double[] l = new double[q * q];
        for (int j = 0; j < q; j++) {
            double s = a[j * q + j];
            for (int k = 0; k < j; k++) {
                s -= l[j * q + k] * l[j * q + k];
            }
            if (!(s > 0)) {
                throw new AnalysisException("The GLMM's conditional information of a group is not positive"
                        + " definite");
            }
            l[j * q + j] = Math.sqrt(s);
            for (int i = j + 1; i < q; i++) {
                double t = a[i * q + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * q + k] * l[j * q + k];
                }
                l[i * q + j] = t / l[j * q + j];
            }
        }
        return l;
    }

    private double logDet(double[] a) {
        double[] l = cholesky(a);
        double s = 0;
        for (int k = 0; k < q; k++) {
            s += 2 * Math.log(l[k * q + k]);
        }
        return s;
    }

    /** Solves L L' v = b. */
    private double[] solve(double[] l, double[] b) {
        double[] v = b.clone();
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < i; k++) {
                v[i] -= l[i * q + k] * v[k];
            }
            v[i] /= l[i * q + i];
        }
        for (int i = q - 1; i >= 0; i--) {
            for (int k = i + 1; k < q; k++) {
                v[i] -= l[k * q + i] * v[k];
            }
            v[i] /= l[i * q + i];
        }
        return v;
    }
}
