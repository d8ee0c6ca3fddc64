package org.stimtrial.analysis.model;

import java.util.ArrayList;
import java.util.List;

/** One model term: a variable, or an interaction of variables ({@code arm:week}). */
public record Term(List<String> variables) {
    public Term {
        variables = List.copyOf(variables);
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("a term needs a variable");
        }
    }

    public int order() {
        return variables.size();
    }

    /** The term without {@code variable}; empty for a main effect. */
    public List<String> without(String variable) {
        List<String> rest = new ArrayList<>(variables);
        rest.remove(variable);
        return rest;
    }

    public boolean sameVariablesAs(List<String> other) {
        return variables.size() == other.size() && variables.containsAll(other);
    }

    @Override
    public String toString() {
        return String.join(":", variables);
    }
}
