package org.stimtrial.analysis.glmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.inference.NumericalDerivatives;
import org.stimtrial.analysis.lmm.Convergence;
import org.stimtrial.analysis.lmm.RandomStructure;
import org.stimtrial.analysis.model.Design;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.model.RandomTerm;
import org.stimtrial.analysis.model.Variable;
import org.stimtrial.analysis.optim.Bfgs;
import org.stimtrial.analysis.optim.NewtonPolish;

/**
 * Fits {@code y ~ fixed + (1 | g)} or, with random slopes, {@code y ~ fixed + (1 + week | g)} for a 0/1 response
 * with the logit link by maximum likelihood, the likelihood approximated by Laplace (nAGQ = 1) or, for a random
 * intercept only (as in lme4), adaptive Gauss-Hermite quadrature (nAGQ > 1), as lme4's glmer. Steps: design,
 * objective ({@link BinomialDeviance}; {@link VectorLaplaceDeviance} for random slopes), optimizer over
 * (theta, beta) from the logistic-regression start (a random intercept by Laplace: BFGS on the analytic gradient;
 * otherwise BOBYQA, then Newton steps on the finite-difference Hessian), convergence check, result.
 */
public final class BinomialGlmm {
    /**
     * Random slopes: the absolute step of the central-difference Hessian (lme4's {@code deriv12}) that directs the
     * Newton steps after BOBYQA and gives vcov(beta), as lme4 computes its Hessian-based covariance.
     */
    private static final double NEWTON_STEP = 1e-4;
    private final int nAgq;

    private BinomialGlmm(int nAgq) {
        this.nAgq = nAgq;
    }

    public static BinomialGlmm laplace() {
        return new BinomialGlmm(1);
    }

    public static BinomialGlmm adaptiveGaussHermite(int points) {
        if (points < 1 || points > 25) {
            throw new AnalysisException("--nagq takes 1 (Laplace) to 25 quadrature points");
        }
        return new BinomialGlmm(points);
    }

    public GlmmFit fit(ModelFrame frame) {
        List<RandomTerm> random = frame.formula().random();
        RandomStructure structure = RandomStructure.of(frame);
        boolean interceptOnly = random.size() == 1 && random.get(0).intercept() && random.get(0).terms().isEmpty();
        if (!interceptOnly && nAgq > 1) {
            throw new AnalysisException("Adaptive Gauss-Hermite quadrature (--nagq > 1) is only available for one"
                    + " random intercept, (1 | group), as in lme4; fit random slopes with the Laplace approximation"
                    + " (--nagq 1)");
        }
        double[] y = frame.response();
        for (double v : y) {
            if (v != 0 && v != 1) {
                throw new AnalysisException("The GLMM response must be 0 or 1, found " + v);
            }
        }
        Design x = frame.fixedDesign();
        int[][] rowsOf = rowsOf(frame.factor(structure.group()));
        return interceptOnly ? fitIntercept(x, y, rowsOf, structure) : fitVector(x, y, rowsOf, structure);
    }

    /** One random intercept: Laplace or quadrature on {@link BinomialDeviance}. */
    private GlmmFit fitIntercept(Design x, double[] y, int[][] rowsOf, RandomStructure structure) {
        int p = x.columns();
        BinomialDeviance deviance = new BinomialDeviance(x, y, rowsOf, nAgq);
        double[] start = new double[p + 1];
        start[0] = 1;
        System.arraycopy(LogisticRegression.fit(x, y), 0, start, 1, p);
        double[] lower = new double[p + 1];
        double[] upper = new double[p + 1];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        lower[0] = 0;
        int[] evaluations = {0};
        double[] best = nAgq == 1 ? laplaceOptimum(deviance, start, evaluations)
                : boundedOptimum(deviance::value, start, lower, upper, evaluations,
                        at -> NumericalDerivatives.hessian(deviance::value, at));
        double[] grad = nAgq == 1 ? deviance.laplaceGradient(best)
                : NumericalDerivatives.gradient(deviance::value, best);
        return result(x, y, rowsOf, structure, nAgq, best, lower, hessian(deviance, best), grad, deviance.value(best),
                deviance.conditionalInformation(best), evaluations[0],
                nAgq == 1 ? "BFGS then Newton on the analytic gradient" : "BOBYQA then Newton");
    }

    /**
     * Random slopes (or several random terms of one grouping factor): the Laplace deviance of
     * {@link VectorLaplaceDeviance}, minimized by BOBYQA with the diagonal of Lambda kept non-negative, then
     * Newton steps on its finite-difference Hessian.
     */
    private static GlmmFit fitVector(Design x, double[] y, int[][] rowsOf, RandomStructure structure) {
        int p = x.columns();
        int t = structure.thetaSize();
        VectorLaplaceDeviance deviance = new VectorLaplaceDeviance(x, y, structure, rowsOf);
        double[] start = new double[t + p];
        System.arraycopy(structure.start(), 0, start, 0, t);
        System.arraycopy(LogisticRegression.fit(x, y), 0, start, t, p);
        double[] lower = new double[t + p];
        double[] upper = new double[t + p];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        System.arraycopy(structure.lowerBounds(), 0, lower, 0, t);
        int[] evaluations = {0};
        double[] best = boundedOptimum(deviance::value, start, lower, upper, evaluations,
                at -> NumericalDerivatives.centralHessian(deviance::value, at, NEWTON_STEP));
        return result(x, y, rowsOf, structure, 1, best, lower,
                NumericalDerivatives.centralHessian(deviance::value, best, NEWTON_STEP),
                NumericalDerivatives.gradient(deviance::value, best), deviance.value(best),
                deviance.conditionalInformation(best), evaluations[0], "BOBYQA then Newton");
    }

    /** The convergence check and the result from the optimum (theta first, then beta) and its derivatives. */
    private static GlmmFit result(Design x, double[] y, int[][] rowsOf, RandomStructure structure, int nAgq,
                                  double[] best, double[] lower, double[] hessian, double[] grad, double dev,
                                  double[] conditionalInformation, int evaluations, String method) {
        int p = x.columns();
        int t = structure.thetaSize();
        int d = t + p;
        List<String> warnings = new ArrayList<>();
        boolean singular = false;
        double maxGrad = 0;
        for (int i = 0; i < d; i++) {
            boolean atBound = lower[i] == 0 && best[i] < 1e-4;
            singular |= atBound;
            if (!atBound) {
                maxGrad = Math.max(maxGrad, Math.abs(grad[i]));
            }
        }
        if (singular) {
            warnings.add(t == 1 ? "boundary (singular) fit: the random-intercept SD is estimated as 0"
                    : "boundary (singular) fit: a random effect's variance is estimated as 0");
        }
        if (maxGrad >= 1e-3) {
            warnings.add(String.format("Model failed to converge with max|grad| = %.3g", maxGrad));
        }
        double[] fullCov = invert(hessian, d);
        double[] vcov = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                vcov[i * p + j] = 2 * fullCov[(i + t) * d + j + t];
            }
        }
        double[] theta = Arrays.copyOfRange(best, 0, t);
        Convergence convergence = new Convergence(evaluations, maxGrad, singular, maxGrad < 1e-3, method, warnings);
        return new GlmmFit(x.names(), Arrays.copyOfRange(best, t, d), vcov, invert(conditionalInformation, p),
                structure.thetaNames(), theta, structure.varCorr(theta, 1), -dev / 2, nAgq, y.length, rowsOf.length,
                convergence);
    }

    /**
     * Laplace: BFGS on the analytic gradient, then Newton steps on the Hessian from the gradient's Jacobian. The
     * deviance is symmetric in theta (u -> -u), so a negative theta is
     * evaluated at |theta| with the sign of its derivative flipped; the result reports |theta|.
     */
    private static double[] laplaceOptimum(BinomialDeviance deviance, double[] start, int[] evaluations) {
        Function<double[], Optional<Bfgs.Point>> f = par -> {
            evaluations[0]++;
            double[] folded = par.clone();
            folded[0] = Math.abs(par[0]);
            double value = deviance.value(folded);
            if (!Double.isFinite(value)) {
                return Optional.empty();
            }
            double[] grad = deviance.laplaceGradient(folded);
            if (par[0] < 0) {
                grad[0] = -grad[0];
            }
            return Optional.of(new Bfgs.Point(value, grad));
        };
        Bfgs.Outcome quasi = Bfgs.minimize(f, start, 2000);
        NewtonPolish.Outcome opt = NewtonPolish.minimize(f, quasi.x(), 20);
        double[] best = opt.x().clone();
        best[0] = Math.abs(best[0]);
        return best;
    }

    /**
     * BOBYQA on the deviance within its bounds, then up to three Newton steps on a finite-difference Hessian while
     * no bounded parameter is at its bound (a step that leaves the bounds or raises the deviance is not taken, and a
     * step below 1e-9 ends the search).
     */
    private static double[] boundedOptimum(ToDoubleFunction<double[]> deviance, double[] start, double[] lower,
                                           double[] upper, int[] evaluations,
                                           Function<double[], double[]> newtonHessian) {
        int d = start.length;
        double[] best;
        try {
            PointValuePair opt = new BOBYQAOptimizer(2 * d + 1, 0.1, 1e-9).optimize(new MaxEval(50_000),
                    new ObjectiveFunction(par -> {
                        evaluations[0]++;
                        return deviance.applyAsDouble(par);
                    }), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
            best = opt.getPoint();
        } catch (MathIllegalStateException e) {
            throw new AnalysisException("The GLMM optimizer did not converge: " + e.getMessage());
        }
        for (int step = 0; step < 3 && interior(best, lower); step++) {
            double[] grad = NumericalDerivatives.gradient(deviance, best);
            double[] delta = solve(newtonHessian.apply(best), grad, d);
            double[] next = best.clone();
            double largest = 0;
            for (int i = 0; i < d; i++) {
                next[i] -= delta[i];
                largest = Math.max(largest, Math.abs(delta[i]));
            }
            if (!interior(next, lower) || deviance.applyAsDouble(next) > deviance.applyAsDouble(best)) {
                break;
            }
            best = next;
            if (largest < 1e-9) {
                break;
            }
        }
        return best;
    }

    private static boolean interior(double[] par, double[] lower) {
        for (int i = 0; i < par.length; i++) {
            if (Double.isFinite(lower[i]) && par[i] <= lower[i] + 1e-4) {
                return false;
            }
        }
        return true;
    }

    /** The Hessian of the deviance: from the analytic gradient for Laplace, by finite differences for quadrature. */
    private double[] hessian(BinomialDeviance deviance, double[] at) {
        if (nAgq > 1) {
            return NumericalDerivatives.hessian(deviance::value, at);
        }
        double[][] jac = NumericalDerivatives.jacobian(deviance::laplaceGradient, at);
        int d = at.length;
        double[] h = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i * d + j] = (jac[i][j] + jac[j][i]) / 2;
            }
        }
        return h;
    }

    static int[][] rowsOf(Variable.Factor group) {
        int m = group.levels().size();
        int[] counts = new int[m];
        for (int c : group.codes()) {
            counts[c]++;
        }
        int[][] rows = new int[m][];
        for (int g = 0; g < m; g++) {
            rows[g] = new int[counts[g]];
        }
        int[] fill = new int[m];
        for (int r = 0; r < group.codes().length; r++) {
            int g = group.codes()[r];
            rows[g][fill[g]++] = r;
        }
        return rows;
    }

    private static double[] solve(double[] a, double[] b, int k) {
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        if (!CommonOps_DDRM.solve(new DMatrixRMaj(k, k, true, a), new DMatrixRMaj(k, 1, true, b), x)) {
            throw new AnalysisException("The Hessian of the GLMM deviance is singular at the optimum");
        }
        return x.getData();
    }

    private static double[] invert(double[] a, int k) {
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        if (!CommonOps_DDRM.invert(new DMatrixRMaj(k, k, true, a), inv)) {
            throw new AnalysisException("The Hessian of the GLMM deviance is singular at the optimum");
        }
        return inv.getData().clone();
    }
}
