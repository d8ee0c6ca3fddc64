package org.stimtrial.analysis.linalg;

/** Small dense kernels on row-major arrays: Cholesky factor, triangular solves, inverse of an SPD matrix, products. */
public final class Dense {
    private Dense() {
    }

    /** In-place lower Cholesky factor of the symmetric positive definite k x k matrix a; false if not PD. */
    public static boolean cholesky(double[] a, int k) {
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

    /** Solves L x = b in place (L lower triangular k x k), for each of the m columns of b (k x m, row-major). */
    public static void forward(double[] l, int k, double[] b, int m) {
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < k; i++) {
                double s = b[i * m + c];
                for (int j = 0; j < i; j++) {
                    s -= l[i * k + j] * b[j * m + c];
                }
                b[i * m + c] = s / l[i * k + i];
            }
        }
    }

    /** Solves L' x = b in place (L lower triangular k x k), for each of the m columns of b. */
    public static void backwardTransposed(double[] l, int k, double[] b, int m) {
        for (int c = 0; c < m; c++) {
            for (int i = k - 1; i >= 0; i--) {
                double s = b[i * m + c];
                for (int j = i + 1; j < k; j++) {
                    s -= l[j * k + i] * b[j * m + c];
                }
                b[i * m + c] = s / l[i * k + i];
            }
        }
    }

    /** The inverse of a symmetric positive definite k x k matrix via its Cholesky factor; empty if not PD. */
    public static java.util.Optional<double[]> inverseSpd(double[] a, int k) {
        return inverseSpd(a, k, new double[1]);
    }

    /** As {@link #inverseSpd(double[], int)}, also writing log|a| into {@code logDet[0]}. */
    public static java.util.Optional<double[]> inverseSpd(double[] a, int k, double[] logDet) {
        double[] l = a.clone();
        if (!cholesky(l, k)) {
            return java.util.Optional.empty();
        }
        double ld = 0;
        for (int i = 0; i < k; i++) {
            ld += 2 * Math.log(l[i * k + i]);
        }
        logDet[0] = ld;
        double[] inv = new double[k * k];
        for (int i = 0; i < k; i++) {
            inv[i * k + i] = 1;
        }
        forward(l, k, inv, k);
        backwardTransposed(l, k, inv, k);
        return java.util.Optional.of(inv);
    }

    /** The product a b of two p x p matrices. */
    public static double[] multiply(double[] a, double[] b, int p) {
        return multiply(a, p, p, b, p);
    }

    /** The product a b of an r x m matrix a and an m x c matrix b (r x c). */
    public static double[] multiply(double[] a, int r, int m, double[] b, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < m; k++) {
                double aik = a[i * m + k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < c; j++) {
                    out[i * c + j] += aik * b[k * c + j];
                }
            }
        }
        return out;
    }
}
