package org.stimtrial.analysis.glmm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The k-point Gauss-Hermite rule for the standard normal density (nodes z, weights w with sum w f(z) ~ E f(Z)),
 * computed as lme4's GHrule: the eigenvalues of the Jacobi matrix of the probabilists' Hermite polynomials are the
 * nodes, the squared first components of the normalized eigenvectors the weights.
 */
public record GaussHermite(double[] nodes, double[] weights) {
    public GaussHermite {
        nodes = nodes.clone();
        weights = weights.clone();
    }

    public static GaussHermite of(int k) {
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("the number of quadrature points must be 1 to 100");
        }
        DMatrixRMaj jacobi = new DMatrixRMaj(k, k);
        for (int i = 1; i < k; i++) {
            jacobi.set(i, i - 1, Math.sqrt(i));
            jacobi.set(i - 1, i, Math.sqrt(i));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(jacobi)) {
            throw new IllegalStateException("eigen decomposition of the Jacobi matrix failed");
        }
        double[][] pairs = new double[k][2];
        for (int i = 0; i < k; i++) {
            DMatrixRMaj v = eig.getEigenVector(i);
            double norm = 0;
            for (int r = 0; r < k; r++) {
                norm += v.get(r) * v.get(r);
            }
            pairs[i][0] = eig.getEigenvalue(i).getReal();
            pairs[i][1] = v.get(0) * v.get(0) / norm;
        }
        java.util.Arrays.sort(pairs, java.util.Comparator.comparingDouble(p -> p[0]));
        double[] z = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = Math.abs(pairs[i][0]) < 1e-14 ? 0 : pairs[i][0];
            w[i] = pairs[i][1];
        }
        return new GaussHermite(z, w);
    }
}
