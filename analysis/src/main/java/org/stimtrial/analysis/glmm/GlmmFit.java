package org.stimtrial.analysis.glmm;

import java.util.List;
import org.stimtrial.analysis.lmm.Convergence;

/**
 * An immutable binomial GLMM fit with a random intercept: fixed effects with lme4's default covariance (from the
 * finite-difference Hessian of the deviance in (theta, beta)) and the covariance conditional on theta (R_X-based),
 * the random-intercept SD theta, log-likelihood and information criteria, and convergence diagnostics.
 */
public record GlmmFit(List<String> names, double[] beta, double[] vcov, double[] vcovConditional, double theta,
                      double logLik, int nAgq, int nobs, int ngroups, Convergence convergence) {
    public GlmmFit {
        names = List.copyOf(names);
        beta = beta.clone();
        vcov = vcov.clone();
        vcovConditional = vcovConditional.clone();
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
        return names.size() + 1;
    }

    public double aic() {
        return deviance() + 2 * parameters();
    }

    public double bic() {
        return deviance() + parameters() * Math.log(nobs);
    }
}
