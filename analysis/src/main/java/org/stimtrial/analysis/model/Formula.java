package org.stimtrial.analysis.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed lme4-style model formula: response, fixed-effect terms (in R's order: by degree, then by appearance),
 * whether the fixed part has an intercept, and random-effects terms.
 */
public record Formula(String response, boolean intercept, List<Term> fixed, List<RandomTerm> random) {
    public Formula {
        fixed = List.copyOf(fixed);
        random = List.copyOf(random);
    }

    public static Formula parse(String text) {
        return new FormulaParser(text).parse();
    }

    /** Every variable the model uses, response first. */
    public Set<String> variables() {
        Set<String> vars = new LinkedHashSet<>();
        vars.add(response);
        fixed.forEach(t -> vars.addAll(t.variables()));
        for (RandomTerm r : random) {
            r.terms().forEach(t -> vars.addAll(t.variables()));
            vars.add(r.group());
        }
        return vars;
    }

    public boolean hasTerm(List<String> variables) {
        if (variables.isEmpty()) {
            return intercept;
        }
        return fixed.stream().anyMatch(t -> t.sameVariablesAs(variables));
    }

    /** The fixed part alone (no random terms), e.g. for a GLS or GEE model. */
    public Formula fixedOnly() {
        return new Formula(response, intercept, fixed, List.of());
    }

    static List<Term> ordered(List<Term> terms) {
        List<Term> out = new ArrayList<>();
        int max = terms.stream().mapToInt(Term::order).max().orElse(0);
        for (int order = 1; order <= max; order++) {
            for (Term t : terms) {
                if (t.order() == order && out.stream().noneMatch(o -> o.sameVariablesAs(t.variables()))) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
