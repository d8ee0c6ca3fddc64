package org.stimtrial.analysis.inference;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Central differences with Richardson extrapolation (four levels, step halved each time), the scheme of R's
 * numDeriv: first derivatives start at a step of 1e-4 relative to each coordinate ({@code grad}, {@code jacobian}),
 * second derivatives at 0.1 relative ({@code genD}/{@code hessian}), because extrapolating from a tiny step would
 * amplify rounding error. Used for the Hessian of the deviance and the Jacobian of the fixed-effects covariance in
 * Satterthwaite's degrees of freedom.
 */
public final class NumericalDerivatives {
    private static final int LEVELS = 4;

    private NumericalDerivatives() {
    }

    private static final double ZERO_TOLERANCE = Math.sqrt(Math.ulp(1.0) / 7e-7);

    /** numDeriv's step: {@code d |x|}, plus 1e-4 where x is (nearly) zero. */
    private static double step(double x, double d) {
        return d * Math.abs(x) + (Math.abs(x) < ZERO_TOLERANCE ? 1e-4 : 0);
    }

    /** The Hessian of f at x (k x k, row-major). */
    public static double[] hessian(ToDoubleFunction<double[]> f, double[] x) {
        int k = x.length;
        double f0 = f.applyAsDouble(x);
        double[] h = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double[] est = new double[LEVELS];
                double hi = step(x[i], 0.1);
                double hj = step(x[j], 0.1);
                for (int level = 0; level < LEVELS; level++) {
                    est[level] = i == j ? second(f, x, i, hi, f0) : mixed(f, x, i, j, hi, hj);
                    hi /= 2;
                    hj /= 2;
                }
                double v = richardson(est);
                h[i * k + j] = v;
                h[j * k + i] = v;
            }
        }
        return h;
    }

    /** The Jacobian of F at x: result[c][i] = d F_c / d x_i. */
    public static double[][] jacobian(Function<double[], double[]> f, double[] x) {
        int k = x.length;
        double[][] columns = new double[k][];
        int outputs = -1;
        for (int i = 0; i < k; i++) {
            double hi = step(x[i], 1e-4);
            double[][] est = new double[LEVELS][];
            for (int level = 0; level < LEVELS; level++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += hi;
                down[i] -= hi;
                double[] fu = f.apply(up);
                double[] fd = f.apply(down);
                est[level] = new double[fu.length];
                for (int c = 0; c < fu.length; c++) {
                    est[level][c] = (fu[c] - fd[c]) / (2 * hi);
                }
                hi /= 2;
            }
            outputs = est[0].length;
            columns[i] = new double[outputs];
            for (int c = 0; c < outputs; c++) {
                double[] e = new double[LEVELS];
                for (int level = 0; level < LEVELS; level++) {
                    e[level] = est[level][c];
                }
                columns[i][c] = richardson(e);
            }
        }
        double[][] jac = new double[outputs][k];
        for (int c = 0; c < outputs; c++) {
            for (int i = 0; i < k; i++) {
                jac[c][i] = columns[i][c];
            }
        }
        return jac;
    }

    /** The gradient of f at x. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[][] jac = jacobian(v -> new double[] {f.applyAsDouble(v)}, x);
        return jac[0];
    }

    /**
     * Plain central differences with an absolute step, as lme4's convergence check ({@code deriv12}, delta 1e-4):
     * coarse but far above the rounding noise of a deviance of order 1e4, which a relative step would not be for
     * parameters near 0.
     */
    public static double[] centralGradient(ToDoubleFunction<double[]> f, double[] x, double delta) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += delta;
            down[i] -= delta;
            g[i] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * delta);
        }
        return g;
    }

    /** The Hessian by plain central differences with an absolute step (lme4's {@code deriv12}). */
    public static double[] centralHessian(ToDoubleFunction<double[]> f, double[] x, double delta) {
        int k = x.length;
        double f0 = f.applyAsDouble(x);
        double[] h = new double[k * k];
        for (int i = 0; i < k; i++) {
            h[i * k + i] = second(f, x, i, delta, f0);
            for (int j = 0; j < i; j++) {
                double v = mixed(f, x, i, j, delta, delta);
                h[i * k + j] = v;
                h[j * k + i] = v;
            }
        }
        return h;
    }

    private static double second(ToDoubleFunction<double[]> f, double[] x, int i, double h, double f0) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[i] += h;
        down[i] -= h;
        return (f.applyAsDouble(up) - 2 * f0 + f.applyAsDouble(down)) / (h * h);
    }

    private static double mixed(ToDoubleFunction<double[]> f, double[] x, int i, int j, double hi, double hj) {
        double[] pp = x.clone();
        double[] pm = x.clone();
        double[] mp = x.clone();
        double[] mm = x.clone();
        pp[i] += hi;
        pp[j] += hj;
        pm[i] += hi;
        pm[j] -= hj;
        mp[i] -= hi;
        mp[j] += hj;
        mm[i] -= hi;
        mm[j] -= hj;
        return (f.applyAsDouble(pp) - f.applyAsDouble(pm) - f.applyAsDouble(mp) + f.applyAsDouble(mm)) / (4 * hi * hj);
    }

    /** Eliminates the h^2, h^4, ... error terms of estimates at h, h/2, h/4, ... */
    private static double richardson(double[] est) {
        double[] a = est.clone();
        for (int m = 1; m < a.length; m++) {
            double factor = Math.pow(4, m);
            for (int i = 0; i < a.length - m; i++) {
                a[i] = (factor * a[i + 1] - a[i]) / (factor - 1);
            }
        }
        return a[0];
    }
}
