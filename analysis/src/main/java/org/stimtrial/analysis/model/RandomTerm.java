package org.stimtrial.analysis.model;

import java.util.List;

/** A random-effects term {@code (1 + week | subject_id)}: intercept or not, slope terms, grouping factor. */
public record RandomTerm(boolean intercept, List<Term> terms, String group) {
    public RandomTerm {
        terms = List.copyOf(terms);
        if (!intercept && terms.isEmpty()) {
            throw new IllegalArgumentException("a random term needs an intercept or a slope");
        }
    }
}
