package org.stimtrial.visit;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An analyte result as entered: the analyte, the qualitative result, the cutoff in ng/mL when known and, for a
 * quantitative test, the measured concentration in ng/mL.
 */
public record AnalyteEntry(Analyte analyte, QualitativeResult result, Optional<BigDecimal> cutoffNgMl,
                           Optional<BigDecimal> concentrationNgMl) {
    public AnalyteEntry {
        Objects.requireNonNull(analyte);
        Objects.requireNonNull(result);
        Objects.requireNonNull(cutoffNgMl);
        Objects.requireNonNull(concentrationNgMl);
    }

    /** A qualitative result (no measured concentration). */
    public AnalyteEntry(Analyte analyte, QualitativeResult result, Optional<BigDecimal> cutoffNgMl) {
        this(analyte, result, cutoffNgMl, Optional.empty());
    }
}
