package org.stimtrial.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.stimtrial.study.VisitDefinition;

/**
 * Soft edit checks: data that is allowed but unusual enough that data management should look at it. Each returns the
 * text of the query to raise, or nothing.
 */
public final class SoftEditChecks {
    /** A change in the craving VAS between consecutive visits larger than this is queried. */
    public static final BigDecimal IMPLAUSIBLE_VAS_CHANGE = BigDecimal.valueOf(60);

    private SoftEditChecks() {
    }

    /** A visit outside its protocol window (relative to the baseline date). */
    public static Optional<String> visitWindow(VisitDefinition definition, LocalDate baseline, LocalDate visitDate) {
        if (definition.inWindow(baseline, visitDate)) {
            return Optional.empty();
        }
        LocalDate target = definition.targetDate(baseline);
        return Optional.of("Visit " + definition.code() + " on " + visitDate + " is outside its window "
                + target.minusDays(definition.windowBefore()) + " to " + target.plusDays(definition.windowAfter())
                + " (target " + target + "). Please confirm the date or explain the deviation.");
    }

    /** A craving VAS that moved more than {@link #IMPLAUSIBLE_VAS_CHANGE} points since the previous visit. */
    public static Optional<String> vasChange(String previousVisit, BigDecimal previous, BigDecimal current) {
        BigDecimal change = current.subtract(previous).abs();
        if (change.compareTo(IMPLAUSIBLE_VAS_CHANGE) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Craving VAS changed by " + change.stripTrailingZeros().toPlainString()
                + " points since visit " + previousVisit + " (" + previous.stripTrailingZeros().toPlainString()
                + " -> " + current.stripTrailingZeros().toPlainString() + "). Please confirm the value.");
    }
}
