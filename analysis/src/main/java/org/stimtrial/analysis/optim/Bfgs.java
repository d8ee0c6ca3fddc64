package org.stimtrial.analysis.optim;

import java.util.Optional;
import java.util.function.Function;

/**
 * The optimizer step: quasi-Newton BFGS with an Armijo backtracking line search, on an objective with an analytic
 * gradient. Points where the objective is undefined (a covariance that is not positive definite) are stepped back
 * from. Stops when the largest gradient component is below 1e-6 or the predicted decrease g'Hg is below
 * 1e-11 (1 + |f|) (the precision of the objective itself), when no step along the search direction lowers
 * the objective any more (converged if the gradient is then below 1e-3), or after the iteration cap.
 */
public final class Bfgs {
    /** The minimum found. */
    public record Outcome(double[] x, double value, double[] gradient, int iterations, int evaluations, boolean converged) {
    }

    /** A value and its gradient. */
    public record Point(double value, double[] gradient) {
    }

    private Bfgs() {
    }

    public static Outcome minimize(Function<double[], Optional<Point>> f, double[] start, int maxIterations) {
        int d = start.length;
        double[] x = start.clone();
        Point fx = f.apply(x).orElseThrow(() -> new IllegalArgumentException("the start is not a valid point"));
        int evaluations = 1;
        double[] h = new double[d * d];
        for (int i = 0; i < d; i++) {
            h[i * d + i] = 1;
        }
        boolean scaled = false;
        for (int it = 0; it < maxIterations; it++) {
            double[] g = fx.gradient();
            if (maxAbs(g) < 1e-6) {
                return new Outcome(x, fx.value(), g, it, evaluations, true);
            }
            double[] dir = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    dir[i] -= h[i * d + j] * g[j];
                }
            }
            double slope = dot(dir, g);
            if (slope >= 0) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        h[i * d + j] = i == j ? 1 : 0;
                    }
                    dir[i] = -g[i];
                }
                slope = dot(dir, g);
            }
            if (-slope < 1e-11 * (1 + Math.abs(fx.value()))) {
                return new Outcome(x, fx.value(), g, it, evaluations, true);
            }
            double step = 1;
            Point next = null;
            double[] xn = null;
            for (int ls = 0; ls < 60; ls++) {
                xn = new double[d];
                for (int i = 0; i < d; i++) {
                    xn[i] = x[i] + step * dir[i];
                }
                Optional<Point> candidate = f.apply(xn);
                evaluations++;
                if (candidate.isPresent() && candidate.get().value() <= fx.value() + 1e-4 * step * slope) {
                    next = candidate.get();
                    break;
                }
                step /= 2;
            }
            if (next == null) {
                return new Outcome(x, fx.value(), g, it, evaluations, maxAbs(g) < 1e-3);
            }
            double[] s = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = xn[i] - x[i];
                y[i] = next.gradient()[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12) {
                if (!scaled) {
                    double scale = sy / dot(y, y);
                    for (int i = 0; i < d * d; i++) {
                        h[i] *= scale;
                    }
                    scaled = true;
                }
                update(h, s, y, sy, d);
            }
            x = xn;
            fx = next;
        }
        return new Outcome(x, fx.value(), fx.gradient(), maxIterations, evaluations, false);
    }

    /** H <- (I - rho s y') H (I - rho y s') + rho s s'. */
    private static void update(double[] h, double[] s, double[] y, double sy, int d) {
        double rho = 1 / sy;
        double[] hy = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                hy[i] += h[i * d + j] * y[j];
            }
        }
        double yhy = dot(y, hy);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i * d + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
