package org.stimtrial.analysis.inference;

/**
 * Satterthwaite's degrees of freedom for L'beta, as lmerTest: df = 2 (L'CL)^2 / (g' A g), where C(varpar) is the
 * covariance of beta-hat as a function of the variance parameters (theta, sigma), g its gradient in L'CL, and
 * A = 2 H^-1 the asymptotic covariance of the variance parameters (H the Hessian of the deviance at the optimum).
 */
public final class SatterthwaiteDf {
    private final int p;
    private final double[] vcov;
    private final double[][] jacobian;
    private final double[] varparCovariance;

    /**
     * @param vcov p x p covariance of beta
     * @param jacobian for each variance parameter k, the derivative of the covariance (p x p, row-major)
     * @param varparCovariance the covariance A of the variance parameters (k x k)
     */
    public SatterthwaiteDf(int p, double[] vcov, double[][] jacobian, double[] varparCovariance) {
        this.p = p;
        this.vcov = vcov.clone();
        this.jacobian = new double[jacobian.length][];
        for (int k = 0; k < jacobian.length; k++) {
            this.jacobian[k] = jacobian[k].clone();
        }
        this.varparCovariance = varparCovariance.clone();
    }

    public double df(double[] l) {
        double f = quad(l, vcov);
        int k = jacobian.length;
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = quad(l, jacobian[i]);
        }
        double denom = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                denom += g[i] * varparCovariance[i * k + j] * g[j];
            }
        }
        return 2 * f * f / denom;
    }

    /** The asymptotic covariance of (theta, sigma), as lmerTest's vcov_varpar. */
    public double[] varparCovariance() {
        return varparCovariance.clone();
    }

    private double quad(double[] l, double[] m) {
        double s = 0;
        for (int i = 0; i < p; i++) {
            if (l[i] == 0) {
                continue;
            }
            for (int j = 0; j < p; j++) {
                s += l[i] * m[i * p + j] * l[j];
            }
        }
        return s;
    }
}
