package org.stimtrial.analysis.lmm;

import org.stimtrial.analysis.linalg.Dense;

/**
 * The objective step: the profiled deviance of a linear mixed model as a function of theta (Bates et al. 2015,
 * section 3). For each group, L_i = chol(Lambda' Z_i'Z_i Lambda + I); then R_X from X'X - sum R_ZX_i' R_ZX_i,
 * beta-hat, the penalized residual sum of squares r2, and the ML or REML criterion. When many groups share their
 * Z_i'Z_i (subjects with the same observed weeks), the sums over groups come from per-pattern aggregates
 * ({@link GroupPatterns}). See docs/analysis.md.
 */
public final class ProfiledDeviance {
    private final LmmProblem pb;
    private final boolean reml;

    public ProfiledDeviance(LmmProblem problem, boolean reml) {
        this.pb = problem;
        this.reml = reml;
    }

    public boolean reml() {
        return reml;
    }

    /** Everything computed at one theta. */
    public static final class State {
        final double[] theta;
        final double[] beta;
        final double[] rx;
        final double r2;
        final double ldL2;
        final double ldRX2;
        final double deviance;
        final double[] l;
        final double[] cu;
        final double[] rzx;

        State(double[] theta, double[] beta, double[] rx, double r2, double ldL2, double ldRX2, double deviance,
              double[] l, double[] cu, double[] rzx) {
            this.theta = theta;
            this.beta = beta;
            this.rx = rx;
            this.r2 = r2;
            this.ldL2 = ldL2;
            this.ldRX2 = ldRX2;
            this.deviance = deviance;
            this.l = l;
            this.cu = cu;
            this.rzx = rzx;
        }

        public double deviance() {
            return deviance;
        }
    }

    public double value(double[] theta) {
        return evaluate(theta, false).deviance;
    }

    /** The sums over groups the deviance needs, and (when kept) each group's factors for the BLUPs. */
    private record Sums(double[] a, double[] b, double cu2, double ldL2, double[] l, double[] cu, double[] rzx) {
    }

    /** The deviance at theta; {@code keep} retains the per-group factors needed for BLUPs. */
    State evaluate(double[] theta, boolean keep) {
        double[] lambda = pb.random.lambda(theta);
        Sums sums = !keep && pb.patterns.worthIt() ? byPattern(lambda) : byGroup(lambda, keep);
        return finish(theta, sums);
    }

    /** li = chol(Lambda' Z'Z Lambda + I) for the q x q block of ztz starting at offset. */
    private void factor(double[] ztz, int offset, double[] lambda, double[] tmp, double[] li) {
        int q = pb.q;
        for (int r = 0; r < q; r++) {
            for (int c = 0; c < q; c++) {
                double s = 0;
                for (int k = c; k < q; k++) {
                    s += ztz[offset + r * q + k] * lambda[k * q + c];
                }
                tmp[r * q + c] = s;
            }
        }
        for (int r = 0; r < q; r++) {
            for (int c = 0; c < q; c++) {
                double s = 0;
                for (int k = r; k < q; k++) {
                    s += lambda[k * q + r] * tmp[k * q + c];
                }
                li[r * q + c] = s + (r == c ? 1 : 0);
            }
        }
        Dense.cholesky(li, q);
    }

    private double logDeterminant(double[] li) {
        double ld = 0;
        for (int r = 0; r < pb.q; r++) {
            ld += 2 * Math.log(li[r * pb.q + r]);
        }
        return ld;
    }

    private Sums byGroup(double[] lambda, boolean keep) {
        int p = pb.p;
        int q = pb.q;
        int m = pb.m;
        double[] a = pb.xtx.clone();
        double[] b = pb.xty.clone();
        double cu2 = 0;
        double ldL2 = 0;
        double[] lAll = new double[keep ? m * q * q : 0];
        double[] cuAll = new double[keep ? m * q : 0];
        double[] rzxAll = new double[keep ? m * q * p : 0];
        double[] tmp = new double[q * q];
        double[] li = new double[q * q];
        double[] cu = new double[q];
        double[] rzx = new double[q * p];
        for (int g = 0; g < m; g++) {
            factor(pb.ztz, g * q * q, lambda, tmp, li);
            ldL2 += logDeterminant(li);
            // cu = L^-1 Lambda' Z'y ; rzx = L^-1 Lambda' Z'X
            for (int r = 0; r < q; r++) {
                double s = 0;
                for (int k = r; k < q; k++) {
                    s += lambda[k * q + r] * pb.zty[g * q + k];
                }
                cu[r] = s;
                for (int j = 0; j < p; j++) {
                    double t = 0;
                    for (int k = r; k < q; k++) {
                        t += lambda[k * q + r] * pb.ztx[(g * q + k) * p + j];
                    }
                    rzx[r * p + j] = t;
                }
            }
            Dense.forward(li, q, cu, 1);
            Dense.forward(li, q, rzx, p);
            for (int r = 0; r < q; r++) {
                cu2 += cu[r] * cu[r];
                for (int i = 0; i < p; i++) {
                    double ri = rzx[r * p + i];
                    if (ri == 0) {
                        continue;
                    }
                    b[i] -= ri * cu[r];
                    for (int j = 0; j < p; j++) {
                        a[i * p + j] -= ri * rzx[r * p + j];
                    }
                }
            }
            if (keep) {
                System.arraycopy(li, 0, lAll, g * q * q, q * q);
                System.arraycopy(cu, 0, cuAll, g * q, q);
                System.arraycopy(rzx, 0, rzxAll, g * q * p, q * p);
            }
        }
        return new Sums(a, b, cu2, ldL2, lAll, cuAll, rzxAll);
    }

    /** The same sums from the per-pattern aggregates of {@link GroupPatterns}, with M = W'W, W = L^-1 Lambda'. */
    private Sums byPattern(double[] lambda) {
        int p = pb.p;
        int q = pb.q;
        GroupPatterns pats = pb.patterns;
        double[] a = pb.xtx.clone();
        double[] b = pb.xty.clone();
        double cu2 = 0;
        double ldL2 = 0;
        double[] tmp = new double[q * q];
        double[] li = new double[q * q];
        double[] w = new double[q * q];
        for (int pat = 0; pat < pats.count; pat++) {
            factor(pats.ztz, pat * q * q, lambda, tmp, li);
            ldL2 += pats.size[pat] * logDeterminant(li);
            for (int r = 0; r < q; r++) {
                for (int c = 0; c < q; c++) {
                    w[r * q + c] = lambda[c * q + r];
                }
            }
            Dense.forward(li, q, w, q);
            for (int x = 0; x < q; x++) {
                for (int y = 0; y < q; y++) {
                    double mxy = 0;
                    for (int k = 0; k < q; k++) {
                        mxy += w[k * q + x] * w[k * q + y];
                    }
                    if (mxy == 0) {
                        continue;
                    }
                    int xy = (pat * q + x) * q + y;
                    cu2 += mxy * pats.syy[xy];
                    for (int i = 0; i < p; i++) {
                        b[i] -= mxy * pats.sxy[xy * p + i];
                        int row = (xy * p + i) * p;
                        for (int j = 0; j < p; j++) {
                            a[i * p + j] -= mxy * pats.sxx[row + j];
                        }
                    }
                }
            }
        }
        return new Sums(a, b, cu2, ldL2, new double[0], new double[0], new double[0]);
    }

    private State finish(double[] theta, Sums sums) {
        int p = pb.p;
        double ldL2 = sums.ldL2();
        double[] rxLower = sums.a().clone();
        if (!Dense.cholesky(rxLower, p)) {
            return new State(theta, new double[p], rxLower, Double.NaN, ldL2, Double.NaN,
                    Double.POSITIVE_INFINITY, sums.l(), sums.cu(), sums.rzx());
        }
        double[] cbeta = sums.b().clone();
        Dense.forward(rxLower, p, cbeta, 1);
        double cb2 = 0;
        for (double v : cbeta) {
            cb2 += v * v;
        }
        double[] beta = cbeta.clone();
        Dense.backwardTransposed(rxLower, p, beta, 1);
        double ldRX2 = 0;
        for (int j = 0; j < p; j++) {
            ldRX2 += 2 * Math.log(rxLower[j * p + j]);
        }
        double r2 = pb.yty - sums.cu2() - cb2;
        int n = pb.n;
        double deviance = reml
                ? ldL2 + ldRX2 + (n - p) * (1 + Math.log(2 * Math.PI * r2 / (n - p)))
                : ldL2 + n * (1 + Math.log(2 * Math.PI * r2 / n));
        return new State(theta.clone(), beta, rxLower, r2, ldL2, ldRX2, deviance, sums.l(), sums.cu(), sums.rzx());
    }

    /**
     * The criterion as a function of theta and sigma (not profiled over sigma), as lmerTest's devfun_vp: used for the
     * asymptotic covariance of the variance parameters in Satterthwaite's df.
     */
    double varparDeviance(double[] varpar) {
        int k = varpar.length - 1;
        double[] theta = java.util.Arrays.copyOf(varpar, k);
        double sigma2 = varpar[k] * varpar[k];
        State s = evaluate(theta, false);
        int n = pb.n;
        double dev = s.ldL2 + s.r2 / sigma2 + n * Math.log(2 * Math.PI * sigma2);
        if (!reml) {
            return dev;
        }
        return dev + s.ldRX2 - pb.p * Math.log(2 * Math.PI * sigma2);
    }

    /** sigma^2 (R_X'R_X)^-1 at theta and sigma: the covariance of beta-hat, as a function of the variance parameters. */
    double[] vcovBeta(double[] varpar) {
        int k = varpar.length - 1;
        State s = evaluate(java.util.Arrays.copyOf(varpar, k), false);
        double sigma2 = varpar[k] * varpar[k];
        double[] inv = unscaledCovariance(s);
        for (int i = 0; i < inv.length; i++) {
            inv[i] *= sigma2;
        }
        return inv;
    }

    /** (R_X'R_X)^-1 from the lower factor R_X'. */
    double[] unscaledCovariance(State s) {
        int p = pb.p;
        double[] inv = new double[p * p];
        for (int i = 0; i < p; i++) {
            inv[i * p + i] = 1;
        }
        Dense.forward(s.rx, p, inv, p);
        Dense.backwardTransposed(s.rx, p, inv, p);
        return inv;
    }

    double sigma(State s) {
        return Math.sqrt(s.r2 / (reml ? pb.n - pb.p : pb.n));
    }

    LmmProblem problem() {
        return pb;
    }
}
