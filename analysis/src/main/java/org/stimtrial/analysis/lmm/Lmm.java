package org.stimtrial.analysis.lmm;

import org.stimtrial.analysis.linalg.Dense;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.inference.Lazy;
import org.stimtrial.analysis.inference.NumericalDerivatives;
import org.stimtrial.analysis.inference.SatterthwaiteDf;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * Fits a linear mixed model by REML or ML in lme4's steps: design ({@link LmmProblem}), objective
 * ({@link ProfiledDeviance}), optimizer ({@link ThetaOptimizer}), convergence check, result ({@link LmmFit}).
 */
public final class Lmm {
    /**
     * lme4's convergence check: gradient and Hessian by central differences with step 1e-4, the gradient scaled by
     * the Hessian's Cholesky factor, and max_i min(|scaled_i|, |raw_i|) below 2e-3 (check.conv.grad).
     */
    private static final double GRADIENT_STEP = 1e-4;
    private static final double GRADIENT_TOLERANCE = 2e-3;
    private final boolean reml;

    private Lmm(boolean reml) {
        this.reml = reml;
    }

    public static Lmm reml() {
        return new Lmm(true);
    }

    public static Lmm ml() {
        return new Lmm(false);
    }

    public LmmFit fit(ModelFrame frame) {
        LmmProblem problem = LmmProblem.of(frame);
        ProfiledDeviance deviance = new ProfiledDeviance(problem, reml);
        RandomStructure re = problem.random;
        double[] lower = re.lowerBounds();
        ThetaOptimizer.Outcome opt = ThetaOptimizer.minimize(deviance::value, re.start(), lower);
        ProfiledDeviance.State s = deviance.evaluate(opt.theta(), true);
        if (!Double.isFinite(s.deviance)) {
            throw new AnalysisException("The model could not be fitted: the deviance is not finite at the optimum");
        }
        Convergence convergence = check(deviance, opt, re);
        double sigma = deviance.sigma(s);
        int p = problem.p;
        double[] unscaled = deviance.unscaledCovariance(s);
        double[] vcov = new double[p * p];
        for (int i = 0; i < vcov.length; i++) {
            vcov[i] = unscaled[i] * sigma * sigma;
        }
        return new LmmFit(reml, problem.n, problem.m, problem.fixedNames, s.beta, vcov, re.thetaNames(), s.theta,
                sigma, s.deviance, varCorrWithResidual(re, s.theta, sigma), ranef(problem, s, sigma),
                convergence, new Lazy<>(() -> satterthwaite(deviance, s.theta, sigma, vcov, p)),
                new Lazy<>(() -> KenwardRogerAdjustment.compute(problem, s.theta, sigma, vcov)));
    }

    private static Convergence check(ProfiledDeviance deviance, ThetaOptimizer.Outcome opt, RandomStructure re) {
        double[] theta = opt.theta();
        boolean singular = false;
        for (int i = 0; i < theta.length; i++) {
            if (re.isDiagonal(i) && theta[i] < 1e-4) {
                singular = true;
            }
        }
        ToDoubleFunction<double[]> reflected = t -> {
            double[] c = t.clone();
            for (int i = 0; i < c.length; i++) {
                if (re.isDiagonal(i) && c[i] < 0) {
                    c[i] = -c[i];
                }
            }
            return deviance.value(c);
        };
        double[] grad = NumericalDerivatives.centralGradient(reflected, theta, GRADIENT_STEP);
        double[] scaled = grad.clone();
        double[] factor = NumericalDerivatives.centralHessian(reflected, theta, GRADIENT_STEP);
        boolean scalable = Dense.cholesky(factor, theta.length);
        if (scalable) {
            Dense.backwardTransposed(factor, theta.length, scaled, 1);
        }
        double maxGrad = 0;
        for (int i = 0; i < grad.length; i++) {
            if (!(re.isDiagonal(i) && theta[i] < 1e-4)) {
                maxGrad = Math.max(maxGrad, Math.min(Math.abs(scaled[i]), Math.abs(grad[i])));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (singular) {
            warnings.add("boundary (singular) fit: a random-effect variance is estimated as 0 (see the VarCorr table)");
        }
        boolean converged = opt.normalStop() && maxGrad < GRADIENT_TOLERANCE;
        if (!opt.normalStop()) {
            warnings.add(opt.message());
        }
        if (!scalable) {
            warnings.add("unable to evaluate scaled gradient: the Hessian of the deviance is not positive definite");
        }
        if (maxGrad >= GRADIENT_TOLERANCE) {
            warnings.add(String.format("Model failed to converge with max|grad| = %.3g", maxGrad));
        }
        return new Convergence(opt.evaluations(), maxGrad, singular, converged, opt.message(), warnings);
    }

    private static List<VarianceComponent> varCorrWithResidual(RandomStructure re, double[] theta, double sigma) {
        List<VarianceComponent> out = new ArrayList<>(re.varCorr(theta, sigma));
        out.add(new VarianceComponent("Residual", null, null, sigma * sigma, sigma));
        return out;
    }

    private static List<RandomEffect> ranef(LmmProblem pb, ProfiledDeviance.State s, double sigma) {
        int q = pb.q;
        int p = pb.p;
        double[] lambda = pb.random.lambda(s.theta);
        List<String> cols = pb.random.columnNames();
        List<RandomEffect> out = new ArrayList<>();
        double[][] values = new double[pb.m][];
        double[][] sds = new double[pb.m][];
        for (int g = 0; g < pb.m; g++) {
            double[] li = Arrays.copyOfRange(s.l, g * q * q, (g + 1) * q * q);
            double[] u = new double[q];
            for (int r = 0; r < q; r++) {
                double v = s.cu[g * q + r];
                for (int j = 0; j < p; j++) {
                    v -= s.rzx[(g * q + r) * p + j] * s.beta[j];
                }
                u[r] = v;
            }
            Dense.backwardTransposed(li, q, u, 1);
            // conditional covariance of b: sigma^2 Lambda (L L')^-1 Lambda'
            double[] w = new double[q * q];
            for (int r = 0; r < q; r++) {
                for (int c = 0; c < q; c++) {
                    w[r * q + c] = lambda[c * q + r];
                }
            }
            Dense.forward(li, q, w, q);
            values[g] = new double[q];
            sds[g] = new double[q];
            for (int r = 0; r < q; r++) {
                double b = 0;
                for (int k = 0; k < q; k++) {
                    b += lambda[r * q + k] * u[k];
                }
                double var = 0;
                for (int k = 0; k < q; k++) {
                    var += w[k * q + r] * w[k * q + r];
                }
                values[g][r] = b;
                sds[g][r] = sigma * Math.sqrt(var);
            }
        }
        for (int r = 0; r < q; r++) {
            for (int g = 0; g < pb.m; g++) {
                out.add(new RandomEffect(pb.random.group(), cols.get(r), pb.random.groupLevels().get(g),
                        values[g][r], sds[g][r]));
            }
        }
        return out;
    }

    private static SatterthwaiteDf satterthwaite(ProfiledDeviance deviance, double[] theta, double sigma,
                                                 double[] vcov, int p) {
        double[] varpar = Arrays.copyOf(theta, theta.length + 1);
        varpar[theta.length] = sigma;
        double[] h = NumericalDerivatives.hessian(deviance::varparDeviance, varpar);
        int k = varpar.length;
        double[] a = Dense.inverseSpd(h, k).orElseThrow(() -> new AnalysisException(
                "The Hessian of the deviance is not positive definite at the optimum: Satterthwaite df are"
                        + " undefined (is the fit singular?)"));
        for (int i = 0; i < a.length; i++) {
            a[i] *= 2;
        }
        double[][] jac = NumericalDerivatives.jacobian(deviance::vcovBeta, varpar);
        double[][] perParameter = new double[k][p * p];
        for (int c = 0; c < p * p; c++) {
            for (int i = 0; i < k; i++) {
                perParameter[i][c] = jac[c][i];
            }
        }
        return new SatterthwaiteDf(p, vcov, perParameter, a);
    }
}
