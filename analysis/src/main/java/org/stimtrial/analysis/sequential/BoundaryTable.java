package org.stimtrial.analysis.sequential;

import java.util.List;
import java.util.Optional;

/** The boundaries of a design at the looks so far, with the design they come from. */
public record BoundaryTable(String spending, double alpha, int sides, List<Boundary> looks) {
    public BoundaryTable {
        looks = List.copyOf(looks);
    }

    /** The first look whose boundary the observed statistic crossed ({@code z[k]} at look k + 1), if any. */
    public Optional<Boundary> firstCrossing(double... observedZ) {
        if (observedZ.length > looks.size()) {
            throw new IllegalArgumentException(observedZ.length + " statistics for " + looks.size() + " looks");
        }
        for (int k = 0; k < observedZ.length; k++) {
            double limit = looks.get(k).z();
            if (observedZ[k] >= limit || (sides == 2 && observedZ[k] <= -limit)) {
                return Optional.of(looks.get(k));
            }
        }
        return Optional.empty();
    }
}
