package org.stimtrial.analysis.mmrm;

import org.stimtrial.analysis.linalg.Dense;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.model.Design;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.model.Variable;

/**
 * The design step of an MMRM: subjects grouped by their pattern of observed visits, and per pattern the sufficient
 * statistics sum_i x_ia x_ib', sum_i x_ia y_ib and sum_i y_ia y_ib for every pair of its visits (a, b). Every later
 * evaluation costs O(patterns k^2 p^2), independent of the number of subjects (the idea behind R's mmrm speed).
 */
final class MmrmProblem {
    /** Subjects sharing one set of observed visits. */
    static final class Pattern {
        final int[] visits;
        int subjects;
        final double[][] t;
        final double[][] u;
        final double[] w;

        Pattern(int[] visits, int p) {
            this.visits = visits;
            int kp = visits.length;
            t = new double[kp * kp][p * p];
            u = new double[kp * kp][p];
            w = new double[kp * kp];
        }
    }

    final List<String> names;
    final List<String> visitLevels;
    final int k;
    final int p;
    final int n;
    final int subjects;
    final List<Pattern> patterns;
    final double[] residualCovariance;

    MmrmProblem(ModelFrame frame, String subjectVariable, String visitVariable) {
        Design x = frame.fixedDesign();
        double[] y = frame.response();
        Variable.Factor subject = frame.factor(subjectVariable);
        Variable.Factor visit = frame.factor(visitVariable);
        this.names = x.names();
        this.visitLevels = visit.levels();
        this.k = visitLevels.size();
        this.p = x.columns();
        this.n = y.length;
        if (n <= p) {
            throw new AnalysisException("Only " + n + " rows for " + p + " fixed effects");
        }
        int m = subject.levels().size();
        List<List<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            rows.add(new ArrayList<>());
        }
        for (int r = 0; r < n; r++) {
            rows.get(subject.codes()[r]).add(r);
        }
        Map<String, Pattern> byKey = new LinkedHashMap<>();
        int used = 0;
        for (int s = 0; s < m; s++) {
            List<Integer> rs = rows.get(s);
            if (rs.isEmpty()) {
                continue;
            }
            used++;
            rs.sort((a, b) -> Integer.compare(visit.codes()[a], visit.codes()[b]));
            int[] vis = new int[rs.size()];
            for (int i = 0; i < vis.length; i++) {
                vis[i] = visit.codes()[rs.get(i)];
                if (i > 0 && vis[i] == vis[i - 1]) {
                    throw new AnalysisException("Subject " + subject.levels().get(s) + " has two rows at visit "
                            + visitLevels.get(vis[i]));
                }
            }
            Pattern pat = byKey.computeIfAbsent(java.util.Arrays.toString(vis), key -> new Pattern(vis, p));
            pat.subjects++;
            int kp = vis.length;
            for (int a = 0; a < kp; a++) {
                int ra = rs.get(a);
                for (int b = 0; b < kp; b++) {
                    int rb = rs.get(b);
                    int ab = a * kp + b;
                    pat.w[ab] += y[ra] * y[rb];
                    for (int i = 0; i < p; i++) {
                        double xa = x.get(ra, i);
                        pat.u[ab][i] += xa * y[rb];
                        if (xa == 0) {
                            continue;
                        }
                        for (int j = 0; j < p; j++) {
                            pat.t[ab][i * p + j] += xa * x.get(rb, j);
                        }
                    }
                }
            }
        }
        this.subjects = used;
        this.patterns = List.copyOf(byKey.values());
        this.residualCovariance = olsResidualCovariance(x, y, visit, rows);
    }

    /** The covariance of OLS residuals by visit (pairwise), a starting value for Sigma. */
    private double[] olsResidualCovariance(Design x, double[] y, Variable.Factor visit, List<List<Integer>> rows) {
        double[] xtx = new double[p * p];
        double[] xty = new double[p];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p; i++) {
                xty[i] += x.get(r, i) * y[r];
                for (int j = 0; j < p; j++) {
                    xtx[i * p + j] += x.get(r, i) * x.get(r, j);
                }
            }
        }
        double[] logDet = new double[1];
        double[] inv = Dense.inverseSpd(xtx, p, logDet).orElseThrow(() -> new AnalysisException(
                "The fixed-effects design is singular: some column is a linear combination of the others"));
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                beta[i] += inv[i * p + j] * xty[j];
            }
        }
        double[] res = new double[n];
        for (int r = 0; r < n; r++) {
            double f = 0;
            for (int j = 0; j < p; j++) {
                f += x.get(r, j) * beta[j];
            }
            res[r] = y[r] - f;
        }
        double[] sum = new double[k * k];
        double[] count = new double[k * k];
        for (List<Integer> rs : rows) {
            for (int a : rs) {
                for (int b : rs) {
                    int va = visit.codes()[a];
                    int vb = visit.codes()[b];
                    sum[va * k + vb] += res[a] * res[b];
                    count[va * k + vb]++;
                }
            }
        }
        double[] cov = new double[k * k];
        for (int i = 0; i < k * k; i++) {
            cov[i] = count[i] > 1 ? sum[i] / count[i] : 0;
        }
        for (int i = 0; i < k; i++) {
            if (!(cov[i * k + i] > 0)) {
                throw new AnalysisException("Visit " + visitLevels.get(i) + " has too few observations to estimate"
                        + " its variance");
            }
        }
        double[] shrunk = cov.clone();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    shrunk[i * k + j] *= 0.9;
                }
            }
        }
        return shrunk;
    }
}
