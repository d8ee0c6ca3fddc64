package org.stimtrial.analysis.model;

import java.util.List;

/** A model variable over the rows of a model frame: numeric values, or a factor with level codes. */
public sealed interface Variable permits Variable.Numeric, Variable.Factor {
    String name();

    /** A numeric covariate. */
    record Numeric(String name, double[] values) implements Variable {
    }

    /** A factor: {@code codes[row]} indexes {@code levels}; {@code levels.get(0)} is the reference. */
    record Factor(String name, List<String> levels, int[] codes) implements Variable {
        public Factor {
            levels = List.copyOf(levels);
        }
    }
}
