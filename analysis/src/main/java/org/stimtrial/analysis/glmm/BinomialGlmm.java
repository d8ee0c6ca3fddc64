package org.stimtrial.analysis.glmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.stimtrial.analysis.model.Design;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.model.RandomTerm;
import org.stimtrial.analysis.model.Variable;
import org.stimtrial.analysis.optim.Bfgs;
import org.stimtrial.analysis.optim.NewtonPolish;

/**
 * Fits {@code y ~ fixed + (1 | g)} for a 0/1 response with the logit link by maximum likelihood, the likelihood
 * approximated by Laplace (nAGQ = 1) or adaptive Gauss-Hermite quadrature (nAGQ > 1), as lme4's glmer. Steps:
 * design, objective ({@link BinomialDeviance}), optimizer over (theta, beta) from the logistic-regression start
 * (Laplace: BFGS on the analytic gradient; quadrature: BOBYQA, then Newton steps on the finite-difference Hessian),
 * convergence check, result.
 */
public final class BinomialGlmm {
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
        if (random.size() != 1 || !random.get(0).intercept() || !random.get(0).terms().isEmpty()) {
            throw new AnalysisException("The binomial GLMM supports one random intercept, (1 | group); random slopes"
                    + " are not implemented");
        }
        double[] y = frame.response();
        for (double v : y) {
            if (v != 0 && v != 1) {
                throw new AnalysisException("The GLMM response must be 0 or 1, found " + v);
            }
        }
        Design x = frame.fixedDesign();
        Variable.Factor group = frame.factor(random.get(0).group());
        int[][] rowsOf = rowsOf(group);
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
        List<String> warnings = new ArrayList<>();
        double[] best = nAgq == 1 ? laplaceOptimum(deviance, start, evaluations)
                : quadratureOptimum(deviance, start, lower, upper, evaluations);
        double[] hessian = hessian(deviance, best);
        double dev = deviance.value(best);
        double[] grad = nAgq == 1 ? deviance.laplaceGradient(best)
                : NumericalDerivatives.gradient(deviance::value, best);
        double maxGrad = 0;
        for (int i = best[0] < 1e-4 ? 1 : 0; i <= p; i++) {
            maxGrad = Math.max(maxGrad, Math.abs(grad[i]));
        }
        boolean singular = best[0] < 1e-4;
        if (singular) {
            warnings.add("boundary (singular) fit: the random-intercept SD is estimated as 0");
        }
        if (maxGrad >= 1e-3) {
            warnings.add(String.format("Model failed to converge with max|grad| = %.3g", maxGrad));
        }
        double[] fullCov = invert(hessian, p + 1);
        double[] vcov = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                vcov[i * p + j] = 2 * fullCov[(i + 1) * (p + 1) + j + 1];
            }
        }
        double[] conditional = invert(deviance.conditionalInformation(best), p);
        Convergence convergence = new Convergence(evaluations[0], maxGrad, singular, maxGrad < 1e-3,
                nAgq == 1 ? "BFGS then Newton on the analytic gradient" : "BOBYQA then Newton", warnings);
        return new GlmmFit(x.names(), Arrays.copyOfRange(best, 1, p + 1), vcov, conditional, best[0], -dev / 2, nAgq,
                y.length, rowsOf.length, convergence);
    }

    /**
     * Laplace: BFGS on the analytic gradient, then Newton steps on the Hessian from the gradient's Jacobian. The deviance is symmetric in theta (u -> -u), so a negative theta is
     * evaluated at |theta| with the sign of its derivative flipped; the result reports |theta|.
     */
    private static double[] laplaceOptimum(BinomialDeviance deviance, double[] start, int[] evaluations) {
        java.util.function.Function<double[], Optional<Bfgs.Point>> f = par -> {
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

    /** Quadrature: BOBYQA on the deviance, then Newton steps on its finite-difference Hessian. */
    private static double[] quadratureOptimum(BinomialDeviance deviance, double[] start, double[] lower,
                                              double[] upper, int[] evaluations) {
        int d = start.length;
        double[] best;
        try {
            PointValuePair opt = new BOBYQAOptimizer(2 * d + 1, 0.1, 1e-9).optimize(new MaxEval(50_000),
                    new ObjectiveFunction(par -> {
                        evaluations[0]++;
                        return deviance.value(par);
                    }), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
            best = opt.getPoint();
        } catch (MathIllegalStateException e) {
            throw new AnalysisException("The GLMM optimizer did not converge: " + e.getMessage());
        }
        for (int step = 0; step < 3 && best[0] > 1e-4; step++) {
            double[] grad = NumericalDerivatives.gradient(deviance::value, best);
            double[] delta = solve(NumericalDerivatives.hessian(deviance::value, best), grad, d);
            double[] next = best.clone();
            for (int i = 0; i < d; i++) {
                next[i] -= delta[i];
            }
            if (next[0] < 0 || deviance.value(next) > deviance.value(best)) {
                break;
            }
            best = next;
        }
        return best;
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

    private static int[][] rowsOf(Variable.Factor group) {
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
