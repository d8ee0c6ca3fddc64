package org.stimtrial.analysis.gee;

/** The working correlation of the repeated measures within a subject. */
public enum WorkingCorrelation {
    INDEPENDENCE, EXCHANGEABLE, AR1;

    /** The k x k working correlation matrix (row-major) for a correlation parameter alpha. */
    double[] matrix(int k, double alpha) {
        double[] r = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i * k + j] = i == j ? 1 : switch (this) {
                    case INDEPENDENCE -> 0;
                    case EXCHANGEABLE -> alpha;
                    case AR1 -> Math.pow(alpha, Math.abs(i - j));
                };
            }
        }
        return r;
    }
}
