package org.stimtrial.analysis.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.Column;
import org.stimtrial.analysis.data.DataTable;

/**
 * The rows a model uses (complete cases of every variable it names) and its variables: numeric covariates and
 * factors with their levels. Grouping factors of random terms are always factors.
 */
public final class ModelFrame {
    private final Formula formula;
    private final Map<String, Variable> variables;
    private final double[] response;
    private final int rowsDropped;

    private ModelFrame(Formula formula, Map<String, Variable> variables, double[] response, int rowsDropped) {
        this.formula = formula;
        this.variables = variables;
        this.response = response;
        this.rowsDropped = rowsDropped;
    }

    public static ModelFrame of(DataTable data, Formula formula, FactorLevels levels) {
        return of(data, formula, levels, true, List.of());
    }

    /**
     * A frame that also carries grouping factors the formula does not name (the subject and visit of an MMRM or a
     * GEE); rows missing any of them are dropped too.
     */
    public static ModelFrame of(DataTable data, Formula formula, FactorLevels levels, List<String> groupingFactors) {
        return of(data, formula, levels, true, groupingFactors);
    }

    /**
     * A frame over reference-grid rows: every factor has explicit levels (those of the fitted frame) and may miss some
     * of them in these rows.
     */
    public static ModelFrame grid(DataTable grid, Formula formula, FactorLevels levels) {
        return of(grid, formula, levels, false, List.of());
    }

    private static ModelFrame of(DataTable data, Formula formula, FactorLevels levels, boolean strict,
                                 List<String> extraGroups) {
        Set<String> groups = new LinkedHashSet<>();
        formula.random().forEach(r -> groups.add(r.group()));
        groups.addAll(extraGroups);
        List<String> names = new ArrayList<>(formula.variables());
        for (String g : extraGroups) {
            if (!names.contains(g)) {
                names.add(g);
            }
        }
        for (String v : names) {
            data.column(base(v));
        }
        DataTable used = data.filter(row -> names.stream().noneMatch(v -> data.column(base(v)).isMissing(row)));
        if (used.rows() == 0) {
            throw new AnalysisException("No complete rows: every row misses at least one of " + names);
        }
        if (!(used.column(formula.response()) instanceof Column.Numeric y)) {
            throw new AnalysisException("The response '" + formula.response() + "' must be numeric");
        }
        Map<String, Variable> vars = new LinkedHashMap<>();
        for (String v : names) {
            if (v.equals(formula.response())) {
                continue;
            }
            Column c = used.column(base(v));
            boolean factor = v.startsWith("factor(") || groups.contains(v) || c instanceof Column.Text;
            vars.put(v, factor ? factor(v, c, levels, used.rows(), groups.contains(v) || !strict, strict)
                    : new Variable.Numeric(v, ((Column.Numeric) c).values()));
        }
        return new ModelFrame(formula, vars, y.values(), data.rows() - used.rows());
    }

    private static String base(String v) {
        return v.startsWith("factor(") ? v.substring(7, v.length() - 1) : v;
    }

    private static Variable.Factor factor(String name, Column c, FactorLevels config, int rows, boolean group,
                                          boolean strict) {
        String[] labels = new String[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = c instanceof Column.Text t ? t.get(r) : label(((Column.Numeric) c).get(r));
        }
        List<String> levels;
        var explicit = config.order(name).or(() -> config.order(base(name)));
        if (explicit.isPresent()) {
            levels = new ArrayList<>(explicit.get());
            Set<String> present = new LinkedHashSet<>(List.of(labels));
            for (String l : present) {
                if (!levels.contains(l)) {
                    throw new AnalysisException("Value '" + l + "' of " + name + " is not among the levels given "
                            + levels);
                }
            }
            for (String l : levels) {
                if (strict && !present.contains(l)) {
                    throw new AnalysisException("Level '" + l + "' of " + name + " has no rows in the data used");
                }
            }
        } else if (c instanceof Column.Numeric) {
            TreeSet<Double> sorted = new TreeSet<>();
            for (double v : ((Column.Numeric) c).values()) {
                sorted.add(v);
            }
            levels = sorted.stream().map(ModelFrame::label).toList();
            levels = new ArrayList<>(levels);
        } else {
            levels = new ArrayList<>(new TreeSet<>(List.of(labels)));
        }
        var ref = config.reference(name).or(() -> config.reference(base(name)));
        if (ref.isPresent()) {
            if (!levels.remove(ref.get())) {
                throw new AnalysisException("Reference level '" + ref.get() + "' of " + name
                        + " does not occur; levels are " + levels);
            }
            levels.add(0, ref.get());
        }
        if (levels.size() < 2 && !group) {
            throw new AnalysisException("Factor " + name + " has only one level (" + levels
                    + ") in the rows used: it cannot be estimated");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            codes[r] = index.get(labels[r]);
        }
        return new Variable.Factor(name, levels, codes);
    }

    private static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public Formula formula() {
        return formula;
    }

    public int rows() {
        return response.length;
    }

    public int rowsDropped() {
        return rowsDropped;
    }

    public double[] response() {
        return response.clone();
    }

    /** The explicit level order of every factor of this frame, to code new rows the same way. */
    public FactorLevels levels() {
        FactorLevels l = FactorLevels.defaults();
        for (Variable v : variables.values()) {
            if (v instanceof Variable.Factor f) {
                l = l.withLevels(f.name(), f.levels());
            }
        }
        return l;
    }

    /** The mean of a numeric variable over the rows used. */
    public double mean(String name) {
        if (!(variable(name) instanceof Variable.Numeric n)) {
            throw new AnalysisException("'" + name + "' is a factor, not numeric");
        }
        double s = 0;
        for (double v : n.values()) {
            s += v;
        }
        return s / n.values().length;
    }

    public Variable variable(String name) {
        Variable v = variables.get(name);
        if (v == null) {
            throw new AnalysisException("The model has no variable '" + name + "'");
        }
        return v;
    }

    public Variable.Factor factor(String name) {
        if (variable(name) instanceof Variable.Factor f) {
            return f;
        }
        throw new AnalysisException("'" + name + "' is numeric, not a factor");
    }

    /** The fixed-effects design: intercept and terms of the formula, with R's coding and column names. */
    public Design fixedDesign() {
        return Design.build(this, formula.intercept(), formula.fixed(), formula::hasTerm);
    }

    /** The design of one random term's effects (e.g. [1, week] for {@code (1 + week | g)}). */
    public Design randomDesign(RandomTerm term) {
        return Design.build(this, term.intercept(), term.terms(),
                vars -> vars.isEmpty() ? term.intercept()
                        : term.terms().stream().anyMatch(t -> t.sameVariablesAs(vars)));
    }
}
