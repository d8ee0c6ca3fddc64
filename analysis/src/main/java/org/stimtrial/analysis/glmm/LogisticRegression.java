package org.stimtrial.analysis.glmm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.model.Design;

/** Ordinary logistic regression by iteratively reweighted least squares: the GLMM's starting values for beta. */
final class LogisticRegression {
    private LogisticRegression() {
    }

    static double[] fit(Design x, double[] y) {
        int n = x.rows();
        int p = x.columns();
        double[] beta = new double[p];
        for (int it = 0; it < 50; it++) {
            double[] a = new double[p * p];
            double[] b = new double[p];
            for (int r = 0; r < n; r++) {
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += x.get(r, j) * beta[j];
                }
                double mu = BinomialDeviance.mu(eta);
                double w = Math.max(mu * (1 - mu), 1e-10);
                for (int i = 0; i < p; i++) {
                    b[i] += x.get(r, i) * (y[r] - mu);
                    for (int j = 0; j < p; j++) {
                        a[i * p + j] += w * x.get(r, i) * x.get(r, j);
                    }
                }
            }
            DMatrixRMaj step = new DMatrixRMaj(p, 1);
            if (!CommonOps_DDRM.solve(new DMatrixRMaj(p, p, true, a), new DMatrixRMaj(p, 1, true, b), step)) {
                throw new AnalysisException("The fixed-effects design is singular for logistic regression");
            }
            double max = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step.get(j);
                max = Math.max(max, Math.abs(step.get(j)));
            }
            if (max < 1e-10) {
                break;
            }
        }
        return beta;
    }
}
