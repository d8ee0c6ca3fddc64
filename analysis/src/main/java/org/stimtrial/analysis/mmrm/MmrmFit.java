package org.stimtrial.analysis.mmrm;

import java.util.List;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.SatterthwaiteDf;
import org.stimtrial.analysis.lmm.Convergence;

/**
 * An immutable MMRM fit: fixed effects and their covariance, the estimated visit covariance matrix, criterion and
 * information criteria, Satterthwaite df and the residual df N - p.
 */
public final class MmrmFit {
    private final CovarianceStructure structure;
    private final boolean reml;
    private final List<String> names;
    private final List<String> visits;
    private final double[] beta;
    private final double[] vcov;
    private final double[] covariance;
    private final double criterion;
    private final int nobs;
    private final int subjects;
    private final int covarianceParameters;
    private final Convergence convergence;
    private final java.util.function.Supplier<SatterthwaiteDf> satterthwaite;

    MmrmFit(CovarianceStructure structure, boolean reml, List<String> names, List<String> visits, double[] beta,
            double[] vcov, double[] covariance, double criterion, int nobs, int subjects, int covarianceParameters,
            Convergence convergence, java.util.function.Supplier<SatterthwaiteDf> satterthwaite) {
        this.structure = structure;
        this.reml = reml;
        this.names = List.copyOf(names);
        this.visits = List.copyOf(visits);
        this.beta = beta.clone();
        this.vcov = vcov.clone();
        this.covariance = covariance.clone();
        this.criterion = criterion;
        this.nobs = nobs;
        this.subjects = subjects;
        this.covarianceParameters = covarianceParameters;
        this.convergence = convergence;
        this.satterthwaite = satterthwaite;
    }

    public CovarianceStructure structure() {
        return structure;
    }

    public boolean reml() {
        return reml;
    }

    public List<String> names() {
        return names;
    }

    public List<String> visits() {
        return visits;
    }

    public double[] beta() {
        return beta.clone();
    }

    public double[] vcov() {
        return vcov.clone();
    }

    public double se(int j) {
        return Math.sqrt(vcov[j * names.size() + j]);
    }

    /** The estimated covariance of the visits (k x k, row-major). */
    public double[] covariance() {
        return covariance.clone();
    }

    /** -2 log-likelihood (REML or ML). */
    public double criterion() {
        return criterion;
    }

    public double logLik() {
        return -criterion / 2;
    }

    /** Parameters counted by AIC/BIC as nlme does: fixed effects plus covariance parameters. */
    public int parameters() {
        return names.size() + covarianceParameters;
    }

    public double aic() {
        return criterion + 2 * parameters();
    }

    /** BIC as nlme: for REML the sample size is N - p. */
    public double bic() {
        return criterion + parameters() * Math.log(reml ? nobs - names.size() : nobs);
    }

    public int nobs() {
        return nobs;
    }

    public int subjects() {
        return subjects;
    }

    public int residualDf() {
        return nobs - names.size();
    }

    /**
     * The error df emmeans uses for nlme::gls: N - p minus the variance parameters other than the residual SD (for
     * the unstructured covariance, k(k-1)/2 correlations and k-1 variance ratios).
     */
    public int emmeansDf() {
        return nobs - names.size() - (covarianceParameters - 1);
    }

    /** Satterthwaite's df machinery, computed on first use. */
    public SatterthwaiteDf satterthwaite() {
        return satterthwaite.get();
    }

    /** A linear combination with Satterthwaite df. */
    public Contrast contrast(String label, double[] weights) {
        return Contrast.of(label, weights, beta, vcov, satterthwaite.get().df(weights));
    }

    public Convergence convergence() {
        return convergence;
    }
}
