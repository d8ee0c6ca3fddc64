package org.stimtrial.analysis.optim;

import java.util.Optional;
import java.util.function.Function;
import org.stimtrial.analysis.linalg.Dense;

/**
 * Newton's method from a point near the optimum, on an objective with an analytic gradient: the Hessian is the
 * symmetrized central-difference Jacobian of the gradient, steps are damped by backtracking, and a Hessian that is
 * not positive definite gets a ridge. Converges quadratically where quasi-Newton methods crawl on ill-conditioned
 * problems (the unstructured MMRM). Stops when the Newton decrement g'H^-1 g is below {@code 1e-11 (1 + |f|)}.
 */
public final class NewtonPolish {
    private NewtonPolish() {
    }

    /** The polished point, and whether the decrement criterion was met. */
    public record Outcome(double[] x, double value, double[] gradient, int steps, boolean converged) {
    }

    public static Outcome minimize(Function<double[], Optional<Bfgs.Point>> f, double[] start, int maxSteps) {
        double[] x = start.clone();
        Bfgs.Point fx = f.apply(x).orElseThrow(() -> new IllegalArgumentException("the start is not a valid point"));
        int d = x.length;
        for (int step = 0; step < maxSteps; step++) {
            double[] h = hessian(f, x, d);
            double[] g = fx.gradient();
            Optional<double[]> direction = solveDamped(h, g, d);
            if (direction.isEmpty()) {
                return new Outcome(x, fx.value(), g, step, false);
            }
            double[] dir = direction.get();
            double decrement = 0;
            for (int i = 0; i < d; i++) {
                decrement -= g[i] * dir[i];
            }
            if (decrement < 1e-11 * (1 + Math.abs(fx.value()))) {
                return new Outcome(x, fx.value(), g, step, true);
            }
            double t = 1;
            Bfgs.Point next = null;
            double[] xn = null;
            for (int ls = 0; ls < 40; ls++) {
                xn = new double[d];
                for (int i = 0; i < d; i++) {
                    xn[i] = x[i] + t * dir[i];
                }
                Optional<Bfgs.Point> candidate = f.apply(xn);
                if (candidate.isPresent() && candidate.get().value() <= fx.value() - 0.25 * t * decrement) {
                    next = candidate.get();
                    break;
                }
                t /= 2;
            }
            if (next == null) {
                return new Outcome(x, fx.value(), g, step, decrement < 1e-6 * (1 + Math.abs(fx.value())));
            }
            x = xn;
            fx = next;
        }
        return new Outcome(x, fx.value(), fx.gradient(), maxSteps, false);
    }

    private static double[] hessian(Function<double[], Optional<Bfgs.Point>> f, double[] x, int d) {
        double[][] cols = new double[d][];
        for (int i = 0; i < d; i++) {
            double h = 1e-5 * (1 + Math.abs(x[i]));
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double[] gu = f.apply(up).map(Bfgs.Point::gradient).orElse(null);
            double[] gd = f.apply(down).map(Bfgs.Point::gradient).orElse(null);
            cols[i] = new double[d];
            if (gu != null && gd != null) {
                for (int j = 0; j < d; j++) {
                    cols[i][j] = (gu[j] - gd[j]) / (2 * h);
                }
            }
        }
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (cols[i][j] + cols[j][i]) / 2;
            }
        }
        return out;
    }

    /** Solves H dir = -g, adding a ridge until H is positive definite. */
    private static Optional<double[]> solveDamped(double[] h, double[] g, int d) {
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale = Math.max(scale, Math.abs(h[i * d + i]));
        }
        for (double ridge = 0; ridge < 1e6 * Math.max(scale, 1); ridge = ridge == 0 ? 1e-8 * scale : ridge * 10) {
            double[] a = h.clone();
            for (int i = 0; i < d; i++) {
                a[i * d + i] += ridge;
            }
            if (Dense.cholesky(a, d)) {
                double[] y = new double[d];
                for (int i = 0; i < d; i++) {
                    y[i] = -g[i];
                }
                Dense.forward(a, d, y, 1);
                Dense.backwardTransposed(a, d, y, 1);
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }
}
