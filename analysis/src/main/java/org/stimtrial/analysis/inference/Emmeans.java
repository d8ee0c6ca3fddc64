package org.stimtrial.analysis.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.model.Design;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.model.Term;
import org.stimtrial.analysis.model.Variable;

/**
 * Estimated marginal means of one factor, as R's emmeans: a reference grid of the factor's levels crossed with every
 * other factor's levels (equal weights), numeric covariates at their mean over the rows used unless given with
 * {@code at}; the marginal mean of a level is the average of its grid rows. Contrasts compare each level with the
 * reference (first) level.
 */
public final class Emmeans {
    /** The marginal means and the contrasts of every other level against the reference level. */
    public record Result(String factor, List<Contrast> means, List<Contrast> contrasts, List<double[]> meanWeights,
                         List<double[]> contrastWeights, double[] contrastCovariance) {
        public Result {
            means = List.copyOf(means);
            contrasts = List.copyOf(contrasts);
            meanWeights = List.copyOf(meanWeights);
            contrastWeights = List.copyOf(contrastWeights);
            contrastCovariance = contrastCovariance.clone();
        }

        /** The covariance of the contrasts (k x k, row-major), from the covariance the means were built with. */
        @Override
        public double[] contrastCovariance() {
            return contrastCovariance.clone();
        }

        /** Dunnett's adjustment of the contrasts' p-values (the multivariate t integral). */
        public Dunnett.Result dunnett() {
            return Dunnett.adjust(contrasts, contrastCovariance);
        }
    }

    private Emmeans() {
    }

    /**
     * @param frame the fitted model's frame
     * @param names the fixed-effect names (must match the frame's fixed design)
     * @param df degrees of freedom of a linear combination
     * @param at values for numeric covariates or levels for factors, e.g. {@code week=12}
     */
    public static Result of(ModelFrame frame, double[] beta, double[] vcov, ToDoubleFunction<double[]> df,
                            String factor, Map<String, String> at) {
        Formula fixed = frame.formula().fixedOnly();
        List<String> vars = new ArrayList<>();
        fixed.fixed().stream().map(Term::variables).forEach(v -> v.forEach(x -> {
            if (!vars.contains(x)) {
                vars.add(x);
            }
        }));
        if (!vars.contains(factor)) {
            throw new AnalysisException("emmeans: '" + factor + "' is not in the fixed part of the model");
        }
        Variable.Factor target = frame.factor(factor);
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : at.entrySet()) {
            String key = vars.contains(e.getKey()) ? e.getKey() : "factor(" + e.getKey() + ")";
            if (!vars.contains(key)) {
                throw new AnalysisException("--at " + e.getKey() + ": no such variable in the fixed part of the model");
            }
            resolved.put(key, e.getValue());
        }
        at = resolved;
        Map<String, List<String>> gridLevels = new LinkedHashMap<>();
        Map<String, Double> numeric = new LinkedHashMap<>();
        for (String v : vars) {
            Variable var = frame.variable(v);
            if (var instanceof Variable.Factor f) {
                if (v.equals(factor)) {
                    gridLevels.put(v, f.levels());
                } else if (at.containsKey(v)) {
                    if (!f.levels().contains(at.get(v))) {
                        throw new AnalysisException("--at " + v + "=" + at.get(v) + ": no such level (levels are "
                                + f.levels() + ")");
                    }
                    gridLevels.put(v, List.of(at.get(v)));
                } else {
                    gridLevels.put(v, f.levels());
                }
            } else {
                double value;
                try {
                    value = at.containsKey(v) ? Double.parseDouble(at.get(v)) : frame.mean(v);
                } catch (NumberFormatException e) {
                    throw new AnalysisException("--at " + v + "=" + at.get(v) + ": not a number");
                }
                numeric.put(v, value);
            }
        }
        List<Map<String, String>> cells = new ArrayList<>();
        cells.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : gridLevels.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> cell : cells) {
                for (String level : e.getValue()) {
                    Map<String, String> c = new LinkedHashMap<>(cell);
                    c.put(e.getKey(), level);
                    next.add(c);
                }
            }
            cells = next;
        }
        DataTable.Builder grid = DataTable.builder();
        double[] zero = new double[cells.size()];
        grid.numeric(fixed.response(), zero);
        for (String v : gridLevels.keySet()) {
            String[] col = new String[cells.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = cells.get(i).get(v);
            }
            grid.text(base(v), col);
        }
        for (Map.Entry<String, Double> e : numeric.entrySet()) {
            double[] col = new double[cells.size()];
            java.util.Arrays.fill(col, e.getValue());
            grid.numeric(e.getKey(), col);
        }
        Design design = ModelFrame.grid(grid.build(), fixed, frame.levels()).fixedDesign();
        int p = beta.length;
        if (design.columns() != p) {
            throw new IllegalStateException("reference grid design does not match the model");
        }
        List<double[]> weights = new ArrayList<>();
        for (String level : target.levels()) {
            double[] w = new double[p];
            int count = 0;
            for (int r = 0; r < cells.size(); r++) {
                if (cells.get(r).get(factor).equals(level)) {
                    count++;
                    for (int j = 0; j < p; j++) {
                        w[j] += design.get(r, j);
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                w[j] /= count;
            }
            weights.add(w);
        }
        List<Contrast> means = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            means.add(Contrast.of(target.levels().get(i), weights.get(i), beta, vcov,
                    df.applyAsDouble(weights.get(i))));
        }
        List<Contrast> contrasts = new ArrayList<>();
        List<double[]> contrastWeights = new ArrayList<>();
        for (int i = 1; i < weights.size(); i++) {
            double[] l = new double[p];
            for (int j = 0; j < p; j++) {
                l[j] = weights.get(i)[j] - weights.get(0)[j];
            }
            contrastWeights.add(l);
            contrasts.add(Contrast.of(target.levels().get(i) + " - " + target.levels().get(0), l, beta, vcov,
                    df.applyAsDouble(l)));
        }
        int k = contrastWeights.size();
        double[] covariance = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double v = 0;
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        v += contrastWeights.get(a)[i] * vcov[i * p + j] * contrastWeights.get(b)[j];
                    }
                }
                covariance[a * k + b] = v;
            }
        }
        return new Result(factor, means, contrasts, weights, contrastWeights, covariance);
    }

    private static String base(String v) {
        return v.startsWith("factor(") ? v.substring(7, v.length() - 1) : v;
    }
}
