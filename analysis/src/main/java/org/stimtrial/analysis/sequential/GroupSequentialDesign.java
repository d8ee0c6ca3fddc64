package org.stimtrial.analysis.sequential;

import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;

/**
 * A group-sequential design by alpha spending (Lan and DeMets 1983): the total type I error {@code alpha}, one- or
 * two-sided (symmetric) boundaries and a spending function. Immutable; {@code with...} returns a new design. A
 * two-sided design spends {@code alpha / 2} on each side by the function (as ld98 and gsDesign do), so its bounds are
 * those of the one-sided design at {@code alpha / 2}, but for the small chance of paths crossing both ways.
 * {@link #boundaries} computes, look by look at the observed information fractions, the boundary {@code c_k} for
 * which the null probability of first crossing at look k equals {@code spent(t_k) - spent(t_{k-1})}.
 */
public final class GroupSequentialDesign {
    private static final int BISECTIONS = 200;
    private final double alpha;
    private final int sides;
    private final SpendingFunction spending;

    private GroupSequentialDesign(double alpha, int sides, SpendingFunction spending) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new AnalysisException("alpha must be between 0 and 0.5, not " + alpha);
        }
        if (sides != 1 && sides != 2) {
            throw new AnalysisException("a design is one- or two-sided, not " + sides + "-sided");
        }
        this.alpha = alpha;
        this.sides = sides;
        this.spending = spending;
    }

    /** A one-sided design at alpha 0.025 with the given spending function. */
    public static GroupSequentialDesign of(SpendingFunction spending) {
        return new GroupSequentialDesign(0.025, 1, spending);
    }

    public GroupSequentialDesign withAlpha(double newAlpha) {
        return new GroupSequentialDesign(newAlpha, sides, spending);
    }

    public GroupSequentialDesign withSides(int newSides) {
        return new GroupSequentialDesign(alpha, newSides, spending);
    }

    /** The boundaries at looks with these information fractions (strictly increasing, in (0, 1]). */
    public BoundaryTable boundaries(double... fractions) {
        checkFractions(fractions);
        List<Boundary> looks = new ArrayList<>();
        ContinuationDensity density = null;
        double spentBefore = 0;
        for (int k = 0; k < fractions.length; k++) {
            double t = fractions[k];
            double spent = sides * spending.spent(alpha / sides, t);
            double target = Math.max(0, spent - spentBefore);
            double c = k == 0 ? firstBoundary(target) : boundary(density, t, target);
            looks.add(new Boundary(k + 1, t, spent, target, c, Normal.upperTail(c)));
            double lower = sides == 2 ? -c : Double.NEGATIVE_INFINITY;
            density = k == 0 ? ContinuationDensity.first(t, lower, c) : density.next(t, lower, c);
            spentBefore = spent;
        }
        return new BoundaryTable(spending.name(), alpha, sides, looks);
    }

    /**
     * The null probability of crossing the given boundaries ({@code z[k]} at fraction {@code t[k]}) by each look,
     * cumulated: the type I error of any set of boundaries, e.g. Pocock's or O'Brien and Fleming's constants.
     */
    public static double[] crossingProbabilities(double[] fractions, double[] z, int sides) {
        checkFractions(fractions);
        if (z.length != fractions.length) {
            throw new AnalysisException(z.length + " boundaries for " + fractions.length + " looks");
        }
        double[] cumulative = new double[z.length];
        ContinuationDensity density = null;
        double total = 0;
        for (int k = 0; k < z.length; k++) {
            double lower = sides == 2 ? -z[k] : Double.NEGATIVE_INFINITY;
            if (k == 0) {
                total = sides * Normal.upperTail(z[0]);
                density = ContinuationDensity.first(fractions[0], lower, z[0]);
            } else {
                total += density.crossing(fractions[k], z[k], sides == 2);
                density = density.next(fractions[k], lower, z[k]);
            }
            cumulative[k] = total;
        }
        return cumulative;
    }

    private double firstBoundary(double target) {
        return target <= 0 ? Double.POSITIVE_INFINITY : Normal.upperQuantile(target / sides);
    }

    /** Bisection on c: the crossing probability falls as c rises. */
    private double boundary(ContinuationDensity density, double t, double target) {
        if (target <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double low = 0;
        double high = 40;
        for (int i = 0; i < BISECTIONS && high - low > 1e-12; i++) {
            double mid = (low + high) / 2;
            if (density.crossing(t, mid, sides == 2) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static void checkFractions(double[] fractions) {
        if (fractions.length == 0) {
            throw new AnalysisException("at least one look is needed");
        }
        double previous = 0;
        for (double t : fractions) {
            if (!(t > previous && t <= 1)) {
                throw new AnalysisException("information fractions must increase strictly within (0, 1]: "
                        + java.util.Arrays.toString(fractions));
            }
            previous = t;
        }
    }
}
