package org.stimtrial.analysis.glmm;

import java.util.List;
import org.stimtrial.analysis.lmm.Convergence;
import org.stimtrial.analysis.lmm.VarianceComponent;

/**
 * An immutable binomial GLMM fit: fixed effects with lme4's default covariance (from the finite-difference Hessian
 * of the deviance in (theta, beta)) and the covariance conditional on theta (R_X-based), theta (the relative
 * covariance factor's lower triangle, lme4's order and names) with the variances, SDs and correlations it stands
 * for, log-likelihood and information criteria, and convergence diagnostics.
 */
public record GlmmFit(List<String> names, double[] beta, double[] vcov, double[] vcovConditional,
                      List<String> thetaNames, double[] theta, List<VarianceComponent> varCorr, double logLik,
                      int nAgq, int nobs, int ngroups, Convergence convergence) {
    public GlmmFit {
        names = List.copyOf(names);
        beta = beta.clone();
        vcov = vcov.clone();
        vcovConditional = vcovConditional.clone();
        thetaNames = List.copyOf(thetaNames);
        theta = theta.clone();
        varCorr = List.copyOf(varCorr);
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    @Override
    public double[] vcov() {
        return vcov.clone();
    }

    @Override
    public double[] vcovConditional() {
        return vcovConditional.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    public double se(int j) {
        return Math.sqrt(vcov[j * names.size() + j]);
    }

    public double seConditional(int j) {
        return Math.sqrt(vcovConditional[j * names.size() + j]);
    }

    /** -2 log-likelihood. */
    public double deviance() {
        return -2 * logLik;
    }

    public int parameters() {
        return names.size() + theta.length;
    }

    public double aic() {
        return deviance() + 2 * parameters();
    }

    public double bic() {
        return deviance() + parameters() * Math.log(nobs);
    }
}
