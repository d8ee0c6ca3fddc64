package org.stimtrial.analysis.mmrm;

import java.util.Optional;
import org.stimtrial.analysis.linalg.Dense;
import org.stimtrial.analysis.mmrm.MmrmProblem.Pattern;

/**
 * The objective step: -2 log-likelihood (REML or ML) of the GLS model with beta profiled out, and its analytic
 * gradient. With M_P = Sigma_P^-1 per visit pattern, A = sum X_i' M X_i, beta = A^-1 X'V^-1 y and
 * R_P = sum r_i r_i': F = sum_P n_P log|Sigma_P| + sum_P tr(M_P R_P) [+ log|A|] + const. dF/dSigma is
 * G = sum_P [n_P M_P - M_P (R_P + H_P) M_P] scattered to the full visit set, H_P = sum x_ia' A^-1 x_ib (REML only).
 */
final class MmrmObjective {
    private final MmrmProblem pb;
    private final CovarianceStructure structure;
    private final boolean reml;

    MmrmObjective(MmrmProblem problem, CovarianceStructure structure, boolean reml) {
        this.pb = problem;
        this.structure = structure;
        this.reml = reml;
    }

    /** Everything at one parameter value. */
    record State(double value, double[] gradient, double[] beta, double[] vcov, double[] sigma) {
    }

    Optional<State> evaluate(double[] par, boolean withGradient) {
        int k = pb.k;
        int p = pb.p;
        double[] sigma = structure.sigma(par, k);
        double logDetSum = 0;
        double[] a = new double[p * p];
        double[] b = new double[p];
        double yvy = 0;
        double[][] inverses = new double[pb.patterns.size()][];
        for (int pi = 0; pi < pb.patterns.size(); pi++) {
            Pattern pat = pb.patterns.get(pi);
            int kp = pat.visits.length;
            double[] sp = new double[kp * kp];
            for (int i = 0; i < kp; i++) {
                for (int j = 0; j < kp; j++) {
                    sp[i * kp + j] = sigma[pat.visits[i] * k + pat.visits[j]];
                }
            }
            double[] ld = new double[1];
            Optional<double[]> inv = Dense.inverseSpd(sp, kp, ld);
            if (inv.isEmpty()) {
                return Optional.empty();
            }
            double[] mInv = inv.get();
            inverses[pi] = mInv;
            logDetSum += pat.subjects * ld[0];
            for (int ab = 0; ab < kp * kp; ab++) {
                double mab = mInv[ab];
                if (mab == 0) {
                    continue;
                }
                double[] t = pat.t[ab];
                for (int i = 0; i < p * p; i++) {
                    a[i] += mab * t[i];
                }
                double[] u = pat.u[ab];
                for (int i = 0; i < p; i++) {
                    b[i] += mab * u[i];
                }
                yvy += mab * pat.w[ab];
            }
        }
        double[] ldA = new double[1];
        Optional<double[]> aInv = Dense.inverseSpd(a, p, ldA);
        if (aInv.isEmpty()) {
            return Optional.empty();
        }
        double[] c = aInv.get();
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                beta[i] += c[i * p + j] * b[j];
            }
        }
        double quad = yvy;
        for (int i = 0; i < p; i++) {
            quad -= beta[i] * b[i];
        }
        int dfResid = reml ? pb.n - p : pb.n;
        double value = logDetSum + quad + dfResid * Math.log(2 * Math.PI) + (reml ? ldA[0] : 0);
        double[] gradient = withGradient ? structure.chain(par, k, gradientInSigma(inverses, beta, c)) : null;
        return Optional.of(new State(value, gradient, beta, c, sigma));
    }

    private double[] gradientInSigma(double[][] inverses, double[] beta, double[] c) {
        int k = pb.k;
        int p = pb.p;
        double[] g = new double[k * k];
        for (int pi = 0; pi < pb.patterns.size(); pi++) {
            Pattern pat = pb.patterns.get(pi);
            int kp = pat.visits.length;
            double[] m = inverses[pi];
            double[] rh = new double[kp * kp];
            for (int ab = 0; ab < kp * kp; ab++) {
                int ba = (ab % kp) * kp + ab / kp;
                double[] t = pat.t[ab];
                double r = pat.w[ab];
                double h = 0;
                double btb = 0;
                for (int i = 0; i < p; i++) {
                    r -= beta[i] * (pat.u[ab][i] + pat.u[ba][i]);
                    double row = 0;
                    for (int j = 0; j < p; j++) {
                        row += t[i * p + j] * beta[j];
                        if (reml) {
                            h += c[i * p + j] * t[i * p + j];
                        }
                    }
                    btb += beta[i] * row;
                }
                rh[ab] = r + btb + h;
            }
            double[] mrh = Dense.multiply(m, rh, kp);
            double[] mrhm = Dense.multiply(mrh, m, kp);
            for (int i = 0; i < kp; i++) {
                for (int j = 0; j < kp; j++) {
                    g[pat.visits[i] * k + pat.visits[j]] += pat.subjects * m[i * kp + j] - mrhm[i * kp + j];
                }
            }
        }
        return g;
    }
}
