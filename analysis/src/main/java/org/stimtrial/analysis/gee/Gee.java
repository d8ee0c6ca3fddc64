package org.stimtrial.analysis.gee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.Column;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.model.Design;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * Generalized estimating equations for a binary response with the logit link (Liang and Zeger 1986), as geepack:
 * Fisher scoring for beta with working covariance phi A^1/2 R(alpha) A^1/2, moment estimators from the Pearson
 * residuals r (geepack's: phi = sum r^2 / N, alpha = mean of r_j r_k over the within-subject pairs used, divided by
 * phi; exchangeable uses every pair, AR(1) adjacent pairs), and the robust sandwich covariance B^-1 M B^-1. Clusters are the
 * subjects, in the order the rows give within each subject.
 */
public final class Gee {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;
    private final WorkingCorrelation correlation;

    private Gee(WorkingCorrelation correlation) {
        this.correlation = correlation;
    }

    public static Gee with(WorkingCorrelation correlation) {
        return new Gee(correlation);
    }

    public GeeFit fit(ModelFrame frame, DataTable data, String idColumn) {
        if (!frame.formula().random().isEmpty()) {
            throw new AnalysisException("A GEE formula has no random terms");
        }
        Design x = frame.fixedDesign();
        double[] y = frame.response();
        for (double v : y) {
            if (v != 0 && v != 1) {
                throw new AnalysisException("The GEE response must be 0 or 1, found " + v);
            }
        }
        List<int[]> clusters = clusters(frame, data, idColumn);
        int n = y.length;
        int p = x.columns();
        double[] beta = new double[p];
        double alpha = 0;
        double phi = 1;
        int iterations = 0;
        boolean converged = false;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            iterations = it + 1;
            double[] mu = mu(x, beta);
            double[] r = new double[n];
            double rss = 0;
            for (int i = 0; i < n; i++) {
                r[i] = (y[i] - mu[i]) / Math.sqrt(mu[i] * (1 - mu[i]));
                rss += r[i] * r[i];
            }
            if (it > 0) {
                phi = rss / n;
                alpha = alpha(clusters, r, phi);
            }
            double[][] bu = scoring(x, y, beta, clusters, alpha, phi, false);
            double[] step = solve(bu[0], bu[1], p);
            double max = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
                max = Math.max(max, Math.abs(step[j]));
            }
            if (max < TOLERANCE && it > 0) {
                converged = true;
                break;
            }
        }
        double[] mu = mu(x, beta);
        double rss = 0;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = (y[i] - mu[i]) / Math.sqrt(mu[i] * (1 - mu[i]));
            rss += r[i] * r[i];
        }
        phi = rss / n;
        alpha = alpha(clusters, r, phi);
        double[][] bm = scoring(x, y, beta, clusters, alpha, phi, true);
        double[] bInv = inverse(bm[0], p);
        double[] robust = multiply(multiply(bInv, bm[2], p), bInv, p);
        return new GeeFit(x.names(), beta, robust, bInv, correlation, alpha, phi, n, clusters.size(), iterations,
                converged);
    }

    private double alpha(List<int[]> clusters, double[] r, double phi) {
        double sum = 0;
        double pairs = 0;
        for (int[] c : clusters) {
            for (int j = 0; j < c.length; j++) {
                for (int k = j + 1; k < c.length; k++) {
                    if (correlation == WorkingCorrelation.EXCHANGEABLE || correlation == WorkingCorrelation.AR1
                            && k == j + 1) {
                        sum += r[c[j]] * r[c[k]];
                        pairs++;
                    }
                }
            }
        }
        return correlation == WorkingCorrelation.INDEPENDENCE ? 0 : sum / pairs / phi;
    }

    /** B = sum D'V^-1 D and U = sum D'V^-1 (y - mu); with {@code meat}, also M = sum D'V^-1 e e' V^-1 D. */
    private double[][] scoring(Design x, double[] y, double[] beta, List<int[]> clusters, double alpha, double phi,
                               boolean meat) {
        int p = x.columns();
        double[] mu = mu(x, beta);
        double[] b = new double[p * p];
        double[] u = new double[p];
        double[] m = meat ? new double[p * p] : null;
        for (int[] c : clusters) {
            int k = c.length;
            double[] rm = correlation.matrix(k, alpha);
            DMatrixRMaj v = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double ai = Math.sqrt(mu[c[i]] * (1 - mu[c[i]]));
                    double aj = Math.sqrt(mu[c[j]] * (1 - mu[c[j]]));
                    v.set(i, j, phi * ai * rm[i * k + j] * aj);
                }
            }
            DMatrixRMaj vinv = new DMatrixRMaj(k, k);
            if (!CommonOps_DDRM.invertSPD(v, vinv)) {
                throw new AnalysisException("The working covariance of a subject is not positive definite"
                        + " (correlation " + alpha + ")");
            }
            DMatrixRMaj d = new DMatrixRMaj(k, p);
            DMatrixRMaj e = new DMatrixRMaj(k, 1);
            for (int i = 0; i < k; i++) {
                double w = mu[c[i]] * (1 - mu[c[i]]);
                for (int j = 0; j < p; j++) {
                    d.set(i, j, w * x.get(c[i], j));
                }
                e.set(i, 0, y[c[i]] - mu[c[i]]);
            }
            DMatrixRMaj dtv = new DMatrixRMaj(p, k);
            CommonOps_DDRM.multTransA(d, vinv, dtv);
            DMatrixRMaj bi = new DMatrixRMaj(p, p);
            CommonOps_DDRM.mult(dtv, d, bi);
            DMatrixRMaj ui = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.mult(dtv, e, ui);
            for (int i = 0; i < p; i++) {
                u[i] += ui.get(i, 0);
                for (int j = 0; j < p; j++) {
                    b[i * p + j] += bi.get(i, j);
                    if (meat) {
                        m[i * p + j] += ui.get(i, 0) * ui.get(j, 0);
                    }
                }
            }
        }
        return meat ? new double[][] {b, u, m} : new double[][] {b, u};
    }

    private static double[] mu(Design x, double[] beta) {
        double[] mu = new double[x.rows()];
        for (int i = 0; i < mu.length; i++) {
            double eta = 0;
            for (int j = 0; j < beta.length; j++) {
                eta += x.get(i, j) * beta[j];
            }
            mu[i] = 1 / (1 + Math.exp(-eta));
        }
        return mu;
    }

    private static List<int[]> clusters(ModelFrame frame, DataTable data, String idColumn) {
        Column id = data.column(idColumn);
        if (frame.rows() + frame.rowsDropped() != data.rows()) {
            throw new IllegalStateException("the frame was not built from this table");
        }
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        int used = 0;
        DataTable complete = data;
        for (int r = 0; r < complete.rows(); r++) {
            if (rowUsed(frame, data, r)) {
                String key = id instanceof Column.Text t ? t.get(r) : Double.toString(((Column.Numeric) id).get(r));
                if (key == null) {
                    throw new AnalysisException("Row " + (r + 2) + " has no " + idColumn);
                }
                byId.computeIfAbsent(key, k -> new ArrayList<>()).add(used++);
            }
        }
        List<int[]> clusters = new ArrayList<>();
        byId.values().forEach(rows -> clusters.add(rows.stream().mapToInt(Integer::intValue).toArray()));
        return clusters;
    }

    private static boolean rowUsed(ModelFrame frame, DataTable data, int row) {
        for (String v : frame.formula().variables()) {
            String base = v.startsWith("factor(") ? v.substring(7, v.length() - 1) : v;
            if (data.column(base).isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    private static double[] solve(double[] a, double[] b, int p) {
        DMatrixRMaj am = new DMatrixRMaj(p, p, true, a);
        DMatrixRMaj bm = new DMatrixRMaj(p, 1, true, b);
        DMatrixRMaj x = new DMatrixRMaj(p, 1);
        if (!CommonOps_DDRM.solve(am, bm, x)) {
            throw new AnalysisException("The GEE information matrix is singular: check the design");
        }
        return x.getData().clone();
    }

    private static double[] inverse(double[] a, int p) {
        DMatrixRMaj am = new DMatrixRMaj(p, p, true, a);
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        if (!CommonOps_DDRM.invert(am, inv)) {
            throw new AnalysisException("The GEE information matrix is singular: check the design");
        }
        return inv.getData().clone();
    }

    private static double[] multiply(double[] a, double[] b, int p) {
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        CommonOps_DDRM.mult(new DMatrixRMaj(p, p, true, a), new DMatrixRMaj(p, p, true, b), c);
        return c.getData().clone();
    }
}
