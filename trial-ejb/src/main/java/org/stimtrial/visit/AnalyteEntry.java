package org.stimtrial.visit;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** An analyte result as entered: the analyte, the qualitative result and the cutoff in ng/mL when known. */
public record AnalyteEntry(Analyte analyte, QualitativeResult result, Optional<BigDecimal> cutoffNgMl) {
    public AnalyteEntry {
        Objects.requireNonNull(analyte);
        Objects.requireNonNull(result);
        Objects.requireNonNull(cutoffNgMl);
    }
}
