package org.stimtrial.analysis.gee;

import java.util.List;

/** An immutable GEE fit: estimates, robust (sandwich) and naive covariance, correlation and scale parameters. */
public record GeeFit(List<String> names, double[] beta, double[] robustVcov, double[] naiveVcov,
                     WorkingCorrelation correlation, double alpha, double phi, int nobs, int clusters, int iterations,
                     boolean converged) {
    public GeeFit {
        names = List.copyOf(names);
        beta = beta.clone();
        robustVcov = robustVcov.clone();
        naiveVcov = naiveVcov.clone();
    }

    public double robustSe(int j) {
        return Math.sqrt(robustVcov[j * names.size() + j]);
    }

    public double naiveSe(int j) {
        return Math.sqrt(naiveVcov[j * names.size() + j]);
    }
}
