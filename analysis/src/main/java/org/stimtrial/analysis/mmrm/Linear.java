package org.stimtrial.analysis.mmrm;

import java.util.Optional;

/** Dense symmetric positive definite kernels (row-major) for the MMRM computations. */
final class Linear {
    private Linear() {
    }

    /** In-place lower Cholesky factor; false if a is not positive definite. */
    static boolean cholesky(double[] a, int k) {
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int m = 0; m < j; m++) {
                d -= a[j * k + m] * a[j * k + m];
            }
            if (!(d > 0)) {
                return false;
            }
            d = Math.sqrt(d);
            a[j * k + j] = d;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int m = 0; m < j; m++) {
                    s -= a[i * k + m] * a[j * k + m];
                }
                a[i * k + j] = s / d;
            }
            for (int i = 0; i < j; i++) {
                a[i * k + j] = 0;
            }
        }
        return true;
    }

    /** The inverse and log-determinant of an SPD matrix; empty if it is not positive definite. */
    static Optional<double[]> inverse(double[] a, int k, double[] logDet) {
        double[] l = a.clone();
        if (!cholesky(l, k)) {
            return Optional.empty();
        }
        double ld = 0;
        for (int i = 0; i < k; i++) {
            ld += 2 * Math.log(l[i * k + i]);
        }
        logDet[0] = ld;
        double[] inv = new double[k * k];
        for (int c = 0; c < k; c++) {
            double[] e = new double[k];
            e[c] = 1;
            for (int i = 0; i < k; i++) {
                double s = e[i];
                for (int j = 0; j < i; j++) {
                    s -= l[i * k + j] * e[j];
                }
                e[i] = s / l[i * k + i];
            }
            for (int i = k - 1; i >= 0; i--) {
                double s = e[i];
                for (int j = i + 1; j < k; j++) {
                    s -= l[j * k + i] * e[j];
                }
                e[i] = s / l[i * k + i];
            }
            for (int i = 0; i < k; i++) {
                inv[i * k + c] = e[i];
            }
        }
        return Optional.of(inv);
    }
}
