package org.stimtrial.analysis.glmm;

import org.stimtrial.analysis.model.Design;

/**
 * The objective of a logistic GLMM with a random intercept, as lme4 defines it for nAGQ >= 1. For each subject g
 * the spherical random effect u has d_g(u) = -2 log p(y_g | u) + u^2 with eta = X beta + theta u; its mode u0 comes
 * from Newton's method, and L_g^2 = theta^2 sum mu(1-mu) + 1 at the mode. Laplace (one node):
 * D = sum_g d_g(u0) + 2 log L_g. Adaptive Gauss-Hermite with nodes z_k and weights w_k for N(0,1):
 * D = sum_g d_g(u0) + 2 log L_g - 2 log sum_k w_k exp(z_k^2/2 - (d_g(u0 + z_k/L_g) - d_g(u0))/2).
 */
final class BinomialDeviance {
    private final Design x;
    private final double[] y;
    private final int[][] rowsOf;
    private final GaussHermite rule;
    private final double[] modes;
    private double[] eta0 = new double[0];

    BinomialDeviance(Design x, double[] y, int[][] rowsOf, int nAgq) {
        this.x = x;
        this.y = y;
        this.rowsOf = rowsOf;
        this.rule = nAgq > 1 ? GaussHermite.of(nAgq) : null;
        this.modes = new double[rowsOf.length];
    }

    /** The deviance at theta = par[0], beta = par[1..]. */
    double value(double[] par) {
        double theta = par[0];
        linearPredictor(par);
        double total = 0;
        for (int g = 0; g < rowsOf.length; g++) {
            double u = mode(g, theta);
            double d0 = d(g, theta, u);
            double l = Math.sqrt(theta * theta * weightSum(g, theta, u) + 1);
            total += d0 + 2 * Math.log(l);
            if (rule != null) {
                double sum = 0;
                for (int k = 0; k < rule.nodes().length; k++) {
                    double z = rule.nodes()[k];
                    sum += rule.weights()[k] * Math.exp(z * z / 2 - (d(g, theta, u + z / l) - d0) / 2);
                }
                total -= 2 * Math.log(sum);
            }
        }
        return total;
    }

    /**
     * The gradient of the Laplace deviance in (theta, beta), analytic: at the mode the derivatives through u vanish
     * from d (envelope theorem) and enter log L^2 through du0/dbeta = -theta sum(w x) / L^2 and
     * du0/dtheta = (sum(y - mu) - theta u0 S) / L^2, with S = sum w and w' = w (1 - 2 mu).
     */
    double[] laplaceGradient(double[] par) {
        if (rule != null) {
            throw new IllegalStateException("the analytic gradient is for the Laplace approximation");
        }
        double theta = par[0];
        int p = x.columns();
        linearPredictor(par);
        double[] grad = new double[p + 1];
        double[] swx = new double[p];
        double[] swpx = new double[p];
        for (int g = 0; g < rowsOf.length; g++) {
            double u = mode(g, theta);
            double resid = 0;
            double s = 0;
            double swp = 0;
            java.util.Arrays.fill(swx, 0);
            java.util.Arrays.fill(swpx, 0);
            for (int r : rowsOf[g]) {
                double mu = mu(eta0[r] + theta * u);
                double w = mu * (1 - mu);
                double wp = w * (1 - 2 * mu);
                resid += y[r] - mu;
                s += w;
                swp += wp;
                for (int j = 0; j < p; j++) {
                    double xj = x.get(r, j);
                    grad[j + 1] -= 2 * xj * (y[r] - mu);
                    swx[j] += w * xj;
                    swpx[j] += wp * xj;
                }
            }
            double l2 = theta * theta * s + 1;
            for (int j = 0; j < p; j++) {
                double du = -theta * swx[j] / l2;
                grad[j + 1] += theta * theta / l2 * (swpx[j] + swp * theta * du);
            }
            double duTheta = (resid - theta * u * s) / l2;
            grad[0] += -2 * u * resid + (2 * theta * s + theta * theta * swp * (u + theta * duTheta)) / l2;
        }
        return grad;
    }

    /** The conditional modes at the last evaluated parameters. */
    double[] modes() {
        return modes.clone();
    }

    /** sum over rows of mu(1 - mu) x x' minus the per-subject terms: the information for beta given theta. */
    double[] conditionalInformation(double[] par) {
        value(par);
        double theta = par[0];
        int p = x.columns();
        double[] a = new double[p * p];
        for (int g = 0; g < rowsOf.length; g++) {
            double[] c = new double[p];
            double wsum = 0;
            for (int r : rowsOf[g]) {
                double mu = mu(eta0[r] + theta * modes[g]);
                double w = mu * (1 - mu);
                wsum += w;
                for (int i = 0; i < p; i++) {
                    c[i] += theta * w * x.get(r, i);
                    for (int j = 0; j < p; j++) {
                        a[i * p + j] += w * x.get(r, i) * x.get(r, j);
                    }
                }
            }
            double l2 = theta * theta * wsum + 1;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i * p + j] -= c[i] * c[j] / l2;
                }
            }
        }
        return a;
    }

    private void linearPredictor(double[] par) {
        int n = x.rows();
        int p = x.columns();
        if (eta0.length != n) {
            eta0 = new double[n];
        }
        for (int r = 0; r < n; r++) {
            double e = 0;
            for (int j = 0; j < p; j++) {
                e += x.get(r, j) * par[j + 1];
            }
            eta0[r] = e;
        }
    }

    private double mode(int g, double theta) {
        double u = modes[g];
        double current = d(g, theta, u);
        for (int it = 0; it < 100; it++) {
            double grad = 2 * u;
            double hess = 2;
            for (int r : rowsOf[g]) {
                double mu = mu(eta0[r] + theta * u);
                grad -= 2 * theta * (y[r] - mu);
                hess += 2 * theta * theta * mu * (1 - mu);
            }
            double step = grad / hess;
            double next = u - step;
            double value = d(g, theta, next);
            while (value > current && Math.abs(step) > 1e-15) {
                step /= 2;
                next = u - step;
                value = d(g, theta, next);
            }
            u = next;
            current = value;
            if (Math.abs(step) < 1e-12) {
                break;
            }
        }
        modes[g] = u;
        return u;
    }

    private double d(int g, double theta, double u) {
        double s = u * u;
        for (int r : rowsOf[g]) {
            double eta = eta0[r] + theta * u;
            s += 2 * minusLogLikelihood(y[r], eta);
        }
        return s;
    }

    private double weightSum(int g, double theta, double u) {
        double s = 0;
        for (int r : rowsOf[g]) {
            double mu = mu(eta0[r] + theta * u);
            s += mu * (1 - mu);
        }
        return s;
    }

    static double mu(double eta) {
        return 1 / (1 + Math.exp(-eta));
    }

    /** -log p(y | eta) for a Bernoulli outcome, computed without overflow. */
    static double minusLogLikelihood(double y, double eta) {
        return y == 1 ? log1pExp(-eta) : log1pExp(eta);
    }

    private static double log1pExp(double v) {
        return v > 35 ? v : Math.log1p(Math.exp(v));
    }
}
