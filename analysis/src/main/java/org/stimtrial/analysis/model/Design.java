package org.stimtrial.analysis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A model matrix (rows x columns, row-major) with R's column names. Factors use treatment contrasts when the term
 * without the factor is in the model (marginality), and full indicator coding otherwise, as R's model.matrix does;
 * in an interaction the first variable varies fastest.
 */
public record Design(List<String> names, int rows, double[] values) {
    public Design {
        names = List.copyOf(names);
    }

    public int columns() {
        return names.size();
    }

    public double get(int row, int column) {
        return values[row * names.size() + column];
    }

    static Design build(ModelFrame frame, boolean intercept, List<Term> terms, Predicate<List<String>> inModel) {
        int n = frame.rows();
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        if (intercept) {
            names.add("(Intercept)");
            double[] one = new double[n];
            java.util.Arrays.fill(one, 1.0);
            columns.add(one);
        }
        for (Term term : terms) {
            List<String> partNames = new ArrayList<>(List.of(""));
            List<double[]> parts = new ArrayList<>();
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            parts.add(ones);
            for (String var : term.variables()) {
                Variable v = frame.variable(var);
                List<String> subNames = new ArrayList<>();
                List<double[]> sub = new ArrayList<>();
                if (v instanceof Variable.Numeric num) {
                    subNames.add(var);
                    sub.add(num.values());
                } else {
                    Variable.Factor f = (Variable.Factor) v;
                    boolean contrasts = inModel.test(term.without(var));
                    for (int level = contrasts ? 1 : 0; level < f.levels().size(); level++) {
                        double[] ind = new double[n];
                        for (int r = 0; r < n; r++) {
                            ind[r] = f.codes()[r] == level ? 1 : 0;
                        }
                        subNames.add(var + f.levels().get(level));
                        sub.add(ind);
                    }
                }
                List<String> nextNames = new ArrayList<>();
                List<double[]> next = new ArrayList<>();
                for (int j = 0; j < sub.size(); j++) {
                    for (int i = 0; i < parts.size(); i++) {
                        double[] prod = new double[n];
                        for (int r = 0; r < n; r++) {
                            prod[r] = parts.get(i)[r] * sub.get(j)[r];
                        }
                        next.add(prod);
                        nextNames.add(partNames.get(i).isEmpty() ? subNames.get(j)
                                : partNames.get(i) + ":" + subNames.get(j));
                    }
                }
                parts = next;
                partNames = nextNames;
            }
            names.addAll(partNames);
            columns.addAll(parts);
        }
        int p = names.size();
        double[] values = new double[n * p];
        for (int j = 0; j < p; j++) {
            double[] col = columns.get(j);
            for (int r = 0; r < n; r++) {
                values[r * p + j] = col[r];
            }
        }
        return new Design(names, n, values);
    }
}
