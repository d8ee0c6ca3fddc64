package org.stimtrial.analysis.lmm;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * The optimizer step: bound-constrained derivative-free minimization of the deviance over theta. BOBYQA (Powell
 * 2009, the method lme4 uses) for two or more parameters, Brent's method for one. Tolerances are tight (final trust
 * region radius 1e-10), so the result is the optimum, not a point near it.
 */
final class ThetaOptimizer {
    static final int MAX_EVALUATIONS = 20_000;

    /** The minimum found, the evaluations it took, and whether the optimizer stopped normally. */
    record Outcome(double[] theta, double value, int evaluations, boolean normalStop, String message) {
    }

    private ThetaOptimizer() {
    }

    static Outcome minimize(ToDoubleFunction<double[]> f, double[] start, double[] lower) {
        int[] count = {0};
        ToDoubleFunction<double[]> counted = t -> {
            count[0]++;
            double v = f.applyAsDouble(t);
            return Double.isFinite(v) ? v : Double.MAX_VALUE;
        };
        if (start.length == 1) {
            return brent(counted, start[0], lower[0], count);
        }
        double[] upper = new double[start.length];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * start.length + 1, 0.2, 1e-10);
        try {
            PointValuePair best = bobyqa.optimize(new MaxEval(MAX_EVALUATIONS),
                    new ObjectiveFunction(counted::applyAsDouble), GoalType.MINIMIZE, new InitialGuess(start),
                    new SimpleBounds(lower, upper));
            return new Outcome(best.getPoint(), best.getValue(), count[0], true, "BOBYQA converged");
        } catch (MathIllegalStateException e) {
            return new Outcome(start, counted.applyAsDouble(start), count[0], false,
                    "BOBYQA stopped: " + e.getMessage());
        }
    }

    private static Outcome brent(ToDoubleFunction<double[]> f, double start, double lower, int[] count) {
        double hi = Math.max(4 * start, 4);
        while (f.applyAsDouble(new double[] {hi}) < f.applyAsDouble(new double[] {hi / 2}) && hi < 1e6) {
            hi *= 2;
        }
        BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
        UnivariatePointValuePair best = brent.optimize(new MaxEval(MAX_EVALUATIONS),
                new UnivariateObjectiveFunction(t -> f.applyAsDouble(new double[] {t})), GoalType.MINIMIZE,
                new SearchInterval(Math.max(lower, 0), hi, Math.min(start, hi)));
        return new Outcome(new double[] {best.getPoint()}, best.getValue(), count[0], true, "Brent converged");
    }
}
