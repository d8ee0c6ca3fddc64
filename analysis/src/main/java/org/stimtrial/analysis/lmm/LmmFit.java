package org.stimtrial.analysis.lmm;

import java.util.List;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.KenwardRoger;
import org.stimtrial.analysis.inference.SatterthwaiteDf;

/**
 * The result step: an immutable linear mixed model fit, with R's names. Fixed effects, their covariance,
 * Satterthwaite degrees of freedom, Kenward-Roger's adjustment (REML), variance components, theta, sigma, criterion, information criteria, BLUPs and
 * the convergence diagnostics.
 */
public final class LmmFit {
    private final boolean reml;
    private final int nobs;
    private final int ngroups;
    private final List<String> names;
    private final double[] beta;
    private final double[] vcov;
    private final List<String> thetaNames;
    private final double[] theta;
    private final double sigma;
    private final double criterion;
    private final List<VarianceComponent> varCorr;
    private final List<RandomEffect> ranef;
    private final Convergence convergence;
    private final java.util.function.Supplier<SatterthwaiteDf> satterthwaite;
    private final java.util.function.Supplier<KenwardRoger> kenwardRoger;

    LmmFit(boolean reml, int nobs, int ngroups, List<String> names, double[] beta, double[] vcov,
           List<String> thetaNames, double[] theta, double sigma, double criterion, List<VarianceComponent> varCorr,
           List<RandomEffect> ranef, Convergence convergence, java.util.function.Supplier<SatterthwaiteDf> satterthwaite,
           java.util.function.Supplier<KenwardRoger> kenwardRoger) {
        this.reml = reml;
        this.nobs = nobs;
        this.ngroups = ngroups;
        this.names = List.copyOf(names);
        this.beta = beta.clone();
        this.vcov = vcov.clone();
        this.thetaNames = List.copyOf(thetaNames);
        this.theta = theta.clone();
        this.sigma = sigma;
        this.criterion = criterion;
        this.varCorr = List.copyOf(varCorr);
        this.ranef = List.copyOf(ranef);
        this.convergence = convergence;
        this.satterthwaite = satterthwaite;
        this.kenwardRoger = kenwardRoger;
    }

    public boolean reml() {
        return reml;
    }

    public int nobs() {
        return nobs;
    }

    public int ngroups() {
        return ngroups;
    }

    public List<String> names() {
        return names;
    }

    public double[] beta() {
        return beta.clone();
    }

    public double beta(String name) {
        return beta[index(name)];
    }

    /** The covariance of the fixed effects (p x p, row-major). */
    public double[] vcov() {
        return vcov.clone();
    }

    public double se(int j) {
        return Math.sqrt(vcov[j * names.size() + j]);
    }

    public double se(String name) {
        return se(index(name));
    }

    /** Satterthwaite's df of one fixed effect. */
    public double df(int j) {
        double[] l = new double[names.size()];
        l[j] = 1;
        return satterthwaite.get().df(l);
    }

    /** A linear combination of the fixed effects with its SE, Satterthwaite df, t and p. */
    public Contrast contrast(String label, double[] weights) {
        return Contrast.of(label, weights, beta, vcov, satterthwaite.get().df(weights));
    }

    /** Satterthwaite's df machinery, computed on first use (it costs more deviance evaluations than the fit). */
    public SatterthwaiteDf satterthwaite() {
        return satterthwaite.get();
    }

    /**
     * Kenward-Roger's adjusted covariance and df (as pbkrtest), computed on first use.
     *
     * @throws AnalysisException for an ML fit: the method is defined for REML only
     */
    public KenwardRoger kenwardRoger() {
        if (!reml) {
            throw new AnalysisException("Kenward-Roger inference needs a REML fit (use --reml)");
        }
        return kenwardRoger.get();
    }

    public List<String> thetaNames() {
        return thetaNames;
    }

    public double[] theta() {
        return theta.clone();
    }

    public double sigma() {
        return sigma;
    }

    /** The REML criterion (REML fits) or the deviance (ML fits): -2 log-likelihood. */
    public double criterion() {
        return criterion;
    }

    public double logLik() {
        return -criterion / 2;
    }

    /** Parameters counted by AIC and BIC: fixed effects, theta and sigma (as lme4). */
    public int parameters() {
        return names.size() + theta.length + 1;
    }

    public double aic() {
        return criterion + 2 * parameters();
    }

    public double bic() {
        return criterion + parameters() * Math.log(nobs);
    }

    public List<VarianceComponent> varCorr() {
        return varCorr;
    }

    public List<RandomEffect> ranef() {
        return ranef;
    }

    public Convergence convergence() {
        return convergence;
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no fixed effect '" + name + "'; the model has " + names);
        }
        return i;
    }
}
