package org.stimtrial.analysis.lmm;

import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.model.Design;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.model.RandomTerm;
import org.stimtrial.analysis.model.Variable;

/**
 * The random-effects structure: terms sharing one grouping factor, each a lower-triangular block of the relative
 * covariance factor Lambda. theta lists each block's lower triangle column by column (lme4's order).
 */
public final class RandomStructure {
    private final String group;
    private final List<String> groupLevels;
    private final int[] groupOf;
    private final List<List<String>> termColumns;
    private final int q;
    private final double[] z;
    private final int[] thetaRow;
    private final int[] thetaCol;
    private final List<String> thetaNames;

    private RandomStructure(String group, List<String> groupLevels, int[] groupOf, List<List<String>> termColumns,
                            double[] z) {
        this.group = group;
        this.groupLevels = List.copyOf(groupLevels);
        this.groupOf = groupOf;
        this.termColumns = List.copyOf(termColumns);
        this.q = termColumns.stream().mapToInt(List::size).sum();
        this.z = z;
        List<Integer> rows = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int offset = 0;
        for (List<String> cols1 : termColumns) {
            int k = cols1.size();
            for (int c = 0; c < k; c++) {
                for (int r = c; r < k; r++) {
                    rows.add(offset + r);
                    cols.add(offset + c);
                    names.add(r == c ? group + "." + cols1.get(r) : group + "." + cols1.get(r) + "." + cols1.get(c));
                }
            }
            offset += k;
        }
        this.thetaRow = rows.stream().mapToInt(Integer::intValue).toArray();
        this.thetaCol = cols.stream().mapToInt(Integer::intValue).toArray();
        this.thetaNames = List.copyOf(names);
    }

    public static RandomStructure of(ModelFrame frame) {
        List<RandomTerm> terms = frame.formula().random();
        if (terms.isEmpty()) {
            throw new AnalysisException("A mixed model needs at least one random term, e.g. (1 | subject_id)");
        }
        String group = terms.get(0).group();
        for (RandomTerm t : terms) {
            if (!t.group().equals(group)) {
                throw new AnalysisException("All random terms must share one grouping factor (found " + group
                        + " and " + t.group() + "); crossed or nested grouping factors are not supported");
            }
        }
        Variable.Factor g = frame.factor(group);
        List<List<String>> termColumns = new ArrayList<>();
        List<Design> designs = new ArrayList<>();
        for (RandomTerm t : terms) {
            Design d = frame.randomDesign(t);
            designs.add(d);
            termColumns.add(d.names());
        }
        int n = frame.rows();
        int q = termColumns.stream().mapToInt(List::size).sum();
        double[] z = new double[n * q];
        for (int r = 0; r < n; r++) {
            int c = 0;
            for (Design d : designs) {
                for (int j = 0; j < d.columns(); j++) {
                    z[r * q + c++] = d.get(r, j);
                }
            }
        }
        return new RandomStructure(group, g.levels(), g.codes().clone(), termColumns, z);
    }

    public String group() {
        return group;
    }

    public List<String> groupLevels() {
        return groupLevels;
    }

    public int groups() {
        return groupLevels.size();
    }

    public int groupOf(int row) {
        return groupOf[row];
    }

    /** Random effects per group. */
    public int q() {
        return q;
    }

    public double z(int row, int column) {
        return z[row * q + column];
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        termColumns.forEach(names::addAll);
        return names;
    }

    /** The index of the random term that column {@code column} of the block belongs to. */
    int termOf(int column) {
        int offset = 0;
        for (int t = 0; t < termColumns.size(); t++) {
            offset += termColumns.get(t).size();
            if (column < offset) {
                return t;
            }
        }
        throw new IndexOutOfBoundsException(column);
    }

    public int thetaSize() {
        return thetaRow.length;
    }

    public List<String> thetaNames() {
        return thetaNames;
    }

    /** Lower bounds: 0 for the diagonal of each block, unbounded below the diagonal. */
    public double[] lowerBounds() {
        double[] lb = new double[thetaSize()];
        for (int i = 0; i < lb.length; i++) {
            lb[i] = thetaRow[i] == thetaCol[i] ? 0 : Double.NEGATIVE_INFINITY;
        }
        return lb;
    }

    /** lme4's starting value: identity Lambda. */
    public double[] start() {
        double[] t = new double[thetaSize()];
        for (int i = 0; i < t.length; i++) {
            t[i] = thetaRow[i] == thetaCol[i] ? 1 : 0;
        }
        return t;
    }

    /** The row within the q x q block of the element theta[thetaIndex] (and gamma[thetaIndex]) stands for. */
    int thetaRow(int thetaIndex) {
        return thetaRow[thetaIndex];
    }

    int thetaCol(int thetaIndex) {
        return thetaCol[thetaIndex];
    }

    public boolean isDiagonal(int thetaIndex) {
        return thetaRow[thetaIndex] == thetaCol[thetaIndex];
    }

    /** Lambda's q x q block (row-major, lower triangular) for theta. */
    public double[] lambda(double[] theta) {
        double[] l = new double[q * q];
        for (int i = 0; i < theta.length; i++) {
            l[thetaRow[i] * q + thetaCol[i]] = theta[i];
        }
        return l;
    }

    /**
     * The variances and covariances the relative factor stands for, scaled by sigma^2 (1 for a GLMM): each column's
     * variance and SD, then each within-term pair's covariance and correlation, as lme4's VarCorr.
     */
    public List<VarianceComponent> varCorr(double[] theta, double sigma) {
        double[] lambda = lambda(theta);
        double[] cov = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double s = 0;
                for (int k = 0; k < q; k++) {
                    s += lambda[i * q + k] * lambda[j * q + k];
                }
                cov[i * q + j] = s * sigma * sigma;
            }
        }
        List<String> cols = columnNames();
        List<VarianceComponent> out = new ArrayList<>();
        for (int i = 0; i < q; i++) {
            out.add(new VarianceComponent(group, cols.get(i), null, cov[i * q + i], Math.sqrt(cov[i * q + i])));
        }
        for (int j = 0; j < q; j++) {
            for (int i = j + 1; i < q; i++) {
                if (termOf(i) == termOf(j)) {
                    double denom = Math.sqrt(cov[i * q + i] * cov[j * q + j]);
                    out.add(new VarianceComponent(group, cols.get(i), cols.get(j), cov[i * q + j],
                            denom > 0 ? cov[i * q + j] / denom : Double.NaN));
                }
            }
        }
        return out;
    }
}
