package org.stimtrial.analysis.mmrm;

import org.stimtrial.analysis.linalg.Dense;

/**
 * The within-subject covariance over the k visits. Unstructured: Sigma = L L' with L lower triangular, parameters the
 * logs of L's diagonal and its sub-diagonal entries (k(k+1)/2). Compound symmetry: sigma^2 ((1 - rho) I + rho J).
 * AR(1): sigma^2 rho^|i-j| over visit positions. CS and AR(1) use (log sigma, atanh rho).
 */
public enum CovarianceStructure {
    UNSTRUCTURED, COMPOUND_SYMMETRY, AR1;

    int parameters(int k) {
        return this == UNSTRUCTURED ? k * (k + 1) / 2 : 2;
    }

    /** Sigma (k x k, row-major) at the parameters. */
    double[] sigma(double[] par, int k) {
        double[] s = new double[k * k];
        if (this == UNSTRUCTURED) {
            double[] l = cholesky(par, k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = 0;
                    for (int m = 0; m <= j; m++) {
                        v += l[i * k + m] * l[j * k + m];
                    }
                    s[i * k + j] = v;
                    s[j * k + i] = v;
                }
            }
            return s;
        }
        double var = Math.exp(2 * par[0]);
        double rho = Math.tanh(par[1]);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double corr = i == j ? 1 : this == COMPOUND_SYMMETRY ? rho : Math.pow(rho, Math.abs(i - j));
                s[i * k + j] = var * corr;
            }
        }
        return s;
    }

    /** The gradient in the parameters of a function whose gradient in Sigma is the symmetric matrix g. */
    double[] chain(double[] par, int k, double[] g) {
        double[] out = new double[par.length];
        if (this == UNSTRUCTURED) {
            double[] l = cholesky(par, k);
            // dF/dL = 2 G L (lower part); diagonal entries are exp(log L), so multiply by L_ii
            int idx = 0;
            for (int j = 0; j < k; j++) {
                for (int i = j; i < k; i++) {
                    double v = 0;
                    for (int m = 0; m < k; m++) {
                        v += g[i * k + m] * l[m * k + j];
                    }
                    v *= 2;
                    out[idx++] = i == j ? v * l[i * k + i] : v;
                }
            }
            return out;
        }
        double var = Math.exp(2 * par[0]);
        double rho = Math.tanh(par[1]);
        double dRho = 1 - rho * rho;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double corr;
                double dCorr;
                if (i == j) {
                    corr = 1;
                    dCorr = 0;
                } else if (this == COMPOUND_SYMMETRY) {
                    corr = rho;
                    dCorr = 1;
                } else {
                    int lag = Math.abs(i - j);
                    corr = Math.pow(rho, lag);
                    dCorr = lag * Math.pow(rho, lag - 1);
                }
                out[0] += g[i * k + j] * 2 * var * corr;
                out[1] += g[i * k + j] * var * dCorr * dRho;
            }
        }
        return out;
    }

    /** Starting parameters from a covariance matrix estimate. */
    double[] start(double[] cov, int k) {
        if (this == UNSTRUCTURED) {
            double[] l = cov.clone();
            Dense.cholesky(l, k);
            double[] par = new double[parameters(k)];
            int idx = 0;
            for (int j = 0; j < k; j++) {
                for (int i = j; i < k; i++) {
                    par[idx++] = i == j ? Math.log(l[i * k + i]) : l[i * k + j];
                }
            }
            return par;
        }
        double var = 0;
        double cor = 0;
        int pairs = 0;
        for (int i = 0; i < k; i++) {
            var += cov[i * k + i] / k;
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double c = cov[i * k + j] / Math.sqrt(cov[i * k + i] * cov[j * k + j]);
                cor += this == COMPOUND_SYMMETRY ? c : (i - j == 1 ? c : 0);
                pairs += this == COMPOUND_SYMMETRY || i - j == 1 ? 1 : 0;
            }
        }
        double rho = Math.max(-0.9, Math.min(0.9, cor / Math.max(pairs, 1)));
        return new double[] {0.5 * Math.log(var), 0.5 * Math.log((1 + rho) / (1 - rho))};
    }

    static double[] cholesky(double[] par, int k) {
        double[] l = new double[k * k];
        int idx = 0;
        for (int j = 0; j < k; j++) {
            for (int i = j; i < k; i++) {
                l[i * k + j] = i == j ? Math.exp(par[idx]) : par[idx];
                idx++;
            }
        }
        return l;
    }
}
