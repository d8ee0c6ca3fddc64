package org.stimtrial.analysis.inference;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** p-value adjustments for a family of contrasts. */
public final class Multiplicity {
    private Multiplicity() {
    }

    /** Holm's step-down adjustment. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i]))
                .toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }

    public static double[] none(double[] p) {
        return Arrays.copyOf(p, p.length);
    }
}
