package org.stimtrial.analysis.mmrm;

import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.inference.NumericalDerivatives;
import org.stimtrial.analysis.inference.SatterthwaiteDf;
import org.stimtrial.analysis.lmm.Convergence;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * Mixed model for repeated measures: generalized least squares across the visits within each subject, with an
 * unstructured, compound-symmetry or AR(1) covariance, by REML or ML. Steps: design ({@link MmrmProblem}),
 * objective with analytic gradient ({@link MmrmObjective}), optimizer ({@link Bfgs}), convergence check, result.
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
        Bfgs.Outcome opt = Bfgs.minimize(par -> objective.evaluate(par, true)
                .map(s -> new Bfgs.Point(s.value(), s.gradient())), start, 5000);
        MmrmObjective.State s = objective.evaluate(opt.x(), false).orElseThrow(() -> new AnalysisException(
                "The estimated covariance is not positive definite"));
        List<String> warnings = new ArrayList<>();
        double maxGrad = 0;
        for (double g : opt.gradient()) {
            maxGrad = Math.max(maxGrad, Math.abs(g));
        }
        if (!opt.converged()) {
            warnings.add(String.format("BFGS stopped after %d iterations with max|grad| = %.3g", opt.iterations(),
                    maxGrad));
        }
        Convergence convergence = new Convergence(opt.evaluations(), maxGrad, false, opt.converged(),
                "BFGS, " + opt.iterations() + " iterations", warnings);
        int p = problem.p;
        double[][] hess = NumericalDerivatives.jacobian(par -> objective.evaluate(par, true)
                .orElseThrow(() -> new AnalysisException("covariance not positive definite near the optimum"))
                .gradient(), opt.x());
        int d = opt.x().length;
        double[] h = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i * d + j] = (hess[i][j] + hess[j][i]) / 2;
            }
        }
        double[] logDet = new double[1];
        double[] a = Linear.inverse(h, d, logDet).orElseThrow(() -> new AnalysisException(
                "The Hessian of the criterion is not positive definite at the optimum: the covariance parameters are"
                        + " not identified (too few subjects per visit?)"));
        for (int i = 0; i < a.length; i++) {
            a[i] *= 2;
        }
        double[][] jac = NumericalDerivatives.jacobian(par -> objective.evaluate(par, false)
                .orElseThrow(() -> new AnalysisException("covariance not positive definite near the optimum"))
                .vcov(), opt.x());
        double[][] perParameter = new double[d][p * p];
        for (int c = 0; c < p * p; c++) {
            for (int i = 0; i < d; i++) {
                perParameter[i][c] = jac[c][i];
            }
        }
        return new MmrmFit(structure, reml, problem.names, problem.visitLevels, s.beta(), s.vcov(), s.sigma(),
                s.value(), problem.n, problem.subjects, d, convergence,
                new SatterthwaiteDf(p, s.vcov(), perParameter, a));
    }
}
