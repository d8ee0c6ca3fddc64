package org.stimtrial.analysis.mmrm;

import org.stimtrial.analysis.linalg.Dense;

import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.inference.Lazy;
import org.stimtrial.analysis.inference.NumericalDerivatives;
import org.stimtrial.analysis.inference.SatterthwaiteDf;
import org.stimtrial.analysis.lmm.Convergence;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.optim.Bfgs;
import org.stimtrial.analysis.optim.NewtonPolish;

/**
 * Mixed model for repeated measures: generalized least squares across the visits within each subject, with an
 * unstructured, compound-symmetry or AR(1) covariance, by REML or ML. Steps: design ({@link MmrmProblem}),
 * objective with analytic gradient ({@link MmrmObjective}), optimizer ({@link Bfgs} to get close, then
 * {@link NewtonPolish} to converge), convergence check, result.
 */
public final class Mmrm {
    private final CovarianceStructure structure;
    private final boolean reml;

    private Mmrm(CovarianceStructure structure, boolean reml) {
        this.structure = structure;
        this.reml = reml;
    }

    public static Mmrm of(CovarianceStructure structure, boolean reml) {
        return new Mmrm(structure, reml);
    }

    /**
     * @param frame a frame of the fixed-effects formula plus the subject and visit variables (both factors)
     */
    public MmrmFit fit(ModelFrame frame, String subject, String visit) {
        MmrmProblem problem = new MmrmProblem(frame, subject, visit);
        MmrmObjective objective = new MmrmObjective(problem, structure, reml);
        double[] start = structure.start(problem.residualCovariance, problem.k);
        java.util.function.Function<double[], java.util.Optional<Bfgs.Point>> f = par -> objective.evaluate(par, true)
                .map(s -> new Bfgs.Point(s.value(), s.gradient()));
        Bfgs.Outcome quasi = Bfgs.minimize(f, start, 500);
        NewtonPolish.Outcome opt = NewtonPolish.minimize(f, quasi.x(), 30);
        MmrmObjective.State s = objective.evaluate(opt.x(), false).orElseThrow(() -> new AnalysisException(
                "The estimated covariance is not positive definite"));
        List<String> warnings = new ArrayList<>();
        double maxGrad = 0;
        for (double g : opt.gradient()) {
            maxGrad = Math.max(maxGrad, Math.abs(g));
        }
        if (!opt.converged()) {
            warnings.add(String.format("Newton's method stopped after %d steps with max|grad| = %.3g", opt.steps(),
                    maxGrad));
        }
        Convergence convergence = new Convergence(quasi.evaluations(), maxGrad, false, opt.converged(),
                "BFGS, " + quasi.iterations() + " iterations, then " + opt.steps() + " Newton steps", warnings);
        double[] x = opt.x();
        return new MmrmFit(structure, reml, problem.names, problem.visitLevels, s.beta(), s.vcov(), s.sigma(),
                s.value(), problem.n, problem.subjects, x.length, convergence,
                new Lazy<>(() -> satterthwaite(objective, x, s.vcov(), problem.p)));
    }

    /**
     * Satterthwaite's df machinery: A = 2 H^-1 with H the Jacobian of the analytic gradient, and the Jacobian of the
     * fixed-effects covariance in the covariance parameters. Computed on first use.
     */
    private static SatterthwaiteDf satterthwaite(MmrmObjective objective, double[] x, double[] vcov, int p) {
        double[][] hess = NumericalDerivatives.jacobian(par -> objective.evaluate(par, true)
                .orElseThrow(() -> new AnalysisException("covariance not positive definite near the optimum"))
                .gradient(), x);
        int d = x.length;
        double[] h = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i * d + j] = (hess[i][j] + hess[j][i]) / 2;
            }
        }
        double[] logDet = new double[1];
        double[] a = Dense.inverseSpd(h, d, logDet).orElseThrow(() -> new AnalysisException(
                "The Hessian of the criterion is not positive definite at the optimum: the covariance parameters are"
                        + " not identified (too few subjects per visit?)"));
        for (int i = 0; i < a.length; i++) {
            a[i] *= 2;
        }
        double[][] jac = NumericalDerivatives.jacobian(par -> objective.evaluate(par, false)
                .orElseThrow(() -> new AnalysisException("covariance not positive definite near the optimum"))
                .vcov(), x);
        double[][] perParameter = new double[d][p * p];
        for (int c = 0; c < p * p; c++) {
            for (int i = 0; i < d; i++) {
                perParameter[i][c] = jac[c][i];
            }
        }
        return new SatterthwaiteDf(p, vcov, perParameter, a);
    }
}
