package org.stimtrial.interim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.sequential.BoundaryTable;
import org.stimtrial.analysis.sequential.GroupSequentialDesign;
import org.stimtrial.analysis.sequential.SpendingFunction;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.ValidationFailedException;

/**
 * The group-sequential plan a run is judged against: the spending function ({@code obf}, {@code pocock} or
 * {@code power:rho}), overall alpha, sides, and the information fractions of the looks so far and planned (strictly
 * increasing, the last 1).
 */
public record MonitoringPlan(String spending, double alpha, int sides, List<Double> fractions) {
    public MonitoringPlan {
        fractions = List.copyOf(fractions);
    }

    /** The protocol default: O'Brien-Fleming-type, two-sided 0.05, looks at one half and at the end. */
    public static MonitoringPlan protocolDefault() {
        return new MonitoringPlan("obf", 0.05, 2, List.of(0.5, 1.0));
    }

    /** Parses and checks a plan; bad values are field errors. */
    public static MonitoringPlan of(String spending, double alpha, int sides, String fractions) {
        List<FieldError> errors = new ArrayList<>();
        List<Double> f = new ArrayList<>();
        for (String part : fractions.split(",")) {
            try {
                f.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("fractions", "'" + part.strip() + "' is not a number"));
            }
        }
        MonitoringPlan plan = new MonitoringPlan(spending.strip().toLowerCase(Locale.ROOT), alpha, sides, f);
        if (errors.isEmpty()) {
            try {
                plan.boundaries();
            } catch (AnalysisException | IllegalArgumentException e) {
                errors.add(new FieldError("monitoring", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return plan;
    }

    String fractionsText() {
        return fractions.stream().map(d -> Double.toString(d)).collect(Collectors.joining(","));
    }

    public SpendingFunction function() {
        if (spending.equals("obf")) {
            return SpendingFunction.obrienFlemingType();
        }
        if (spending.equals("pocock")) {
            return SpendingFunction.pocockType();
        }
        if (spending.startsWith("power:")) {
            try {
                return SpendingFunction.power(Double.parseDouble(spending.substring(6)));
            } catch (NumberFormatException e) {
                throw new AnalysisException("power spending takes a number, e.g. power:3, not " + spending);
            }
        }
        throw new AnalysisException("spending takes obf, pocock or power:rho, not '" + spending + "'");
    }

    public BoundaryTable boundaries() {
        double[] f = fractions.stream().mapToDouble(Double::doubleValue).toArray();
        return GroupSequentialDesign.of(function()).withAlpha(alpha).withSides(sides).boundaries(f);
    }
}
