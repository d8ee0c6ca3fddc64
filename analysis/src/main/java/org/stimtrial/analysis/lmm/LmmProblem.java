package org.stimtrial.analysis.lmm;

import java.util.List;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.model.Design;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * The design step: the cross-products a linear mixed model needs, computed once. Per group i: Z_i'Z_i, Z_i'X_i,
 * Z_i'y_i; overall X'X, X'y, y'y. Every later evaluation costs O(groups q^2 p + p^3), independent of the rows.
 */
public final class LmmProblem {
    final ModelFrame frame;
    final RandomStructure random;
    final List<String> fixedNames;
    final int n;
    final int p;
    final int q;
    final int m;
    final double[] ztz;
    final double[] ztx;
    final double[] zty;
    final double[] xtx;
    final double[] xty;
    final double yty;
    final Design x;
    final double[] y;
    final GroupPatterns patterns;

    private LmmProblem(ModelFrame frame, RandomStructure random, Design x, double[] y) {
        this.frame = frame;
        this.random = random;
        this.x = x;
        this.y = y;
        this.fixedNames = x.names();
        this.n = frame.rows();
        this.p = x.columns();
        this.q = random.q();
        this.m = random.groups();
        if (n <= p) {
            throw new AnalysisException("Only " + n + " rows for " + p + " fixed effects");
        }
        ztz = new double[m * q * q];
        ztx = new double[m * q * p];
        zty = new double[m * q];
        xtx = new double[p * p];
        xty = new double[p];
        double yy = 0;
        double[] zr = new double[q];
        for (int r = 0; r < n; r++) {
            int g = random.groupOf(r);
            for (int a = 0; a < q; a++) {
                zr[a] = random.z(r, a);
            }
            for (int a = 0; a < q; a++) {
                if (zr[a] == 0) {
                    continue;
                }
                for (int b = 0; b < q; b++) {
                    ztz[(g * q + a) * q + b] += zr[a] * zr[b];
                }
                for (int j = 0; j < p; j++) {
                    ztx[(g * q + a) * p + j] += zr[a] * x.get(r, j);
                }
                zty[g * q + a] += zr[a] * y[r];
            }
            for (int i = 0; i < p; i++) {
                double xi = x.get(r, i);
                if (xi == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    xtx[i * p + j] += xi * x.get(r, j);
                }
                xty[i] += xi * y[r];
            }
            yy += y[r] * y[r];
        }
        yty = yy;
        checkRank();
        patterns = GroupPatterns.of(q, p, m, ztz, ztx, zty);
    }

    public static LmmProblem of(ModelFrame frame) {
        return new LmmProblem(frame, RandomStructure.of(frame), frame.fixedDesign(), frame.response());
    }

    private void checkRank() {
        double[] l = xtx.clone();
        for (int j = 0; j < p; j++) {
            double scale = Math.sqrt(xtx[j * p + j]);
            if (scale == 0) {
                throw new AnalysisException("The fixed-effects design is singular: column '" + fixedNames.get(j)
                        + "' is all zero in the rows used");
            }
        }
        double[] scaled = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                scaled[i * p + j] = l[i * p + j] / Math.sqrt(xtx[i * p + i] * xtx[j * p + j]);
            }
        }
        for (int j = 0; j < p; j++) {
            double d = scaled[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= scaled[j * p + k] * scaled[j * p + k];
            }
            if (d < 1e-10) {
                throw new AnalysisException("The fixed-effects design is singular: column '" + fixedNames.get(j)
                        + "' is (nearly) a linear combination of the columns before it");
            }
            d = Math.sqrt(d);
            scaled[j * p + j] = d;
            for (int i = j + 1; i < p; i++) {
                double s = scaled[i * p + j];
                for (int k = 0; k < j; k++) {
                    s -= scaled[i * p + k] * scaled[j * p + k];
                }
                scaled[i * p + j] = s / d;
            }
        }
    }

    public ModelFrame frame() {
        return frame;
    }

    public RandomStructure random() {
        return random;
    }

    public List<String> fixedNames() {
        return fixedNames;
    }

    public int rows() {
        return n;
    }
}
