package org.stimtrial.analysis.interim;

import org.stimtrial.analysis.AnalysisException;

/**
 * The prespecified analysis: treatment weeks, the week of the contrasts, the craving measure and the GLMM's
 * quadrature. Immutable; {@code with...} returns a copy.
 */
public final class InterimPlan {
    private final int firstWeek;
    private final int lastWeek;
    private final String cravingInstrument;
    private final String cravingScale;
    private final int glmmQuadraturePoints;

    private InterimPlan(int firstWeek, int lastWeek, String cravingInstrument, String cravingScale, int nAgq) {
        if (firstWeek < 1 || lastWeek <= firstWeek) {
            throw new AnalysisException("treatment weeks must run from week 1 or later to a later week, not "
                    + firstWeek + "-" + lastWeek);
        }
        if (nAgq < 1 || nAgq > 25) {
            throw new AnalysisException("GLMM quadrature points must be 1 (Laplace) to 25, not " + nAgq);
        }
        this.firstWeek = firstWeek;
        this.lastWeek = lastWeek;
        this.cravingInstrument = cravingInstrument;
        this.cravingScale = cravingScale;
        this.glmmQuadraturePoints = nAgq;
    }

    /** The protocol's plan: weeks 1-12, craving VAS, Laplace GLMM (lme4's default nAGQ = 1). */
    public static InterimPlan protocol() {
        return new InterimPlan(1, 12, "VAS", "craving", 1);
    }

    public InterimPlan withWeeks(int first, int last) {
        return new InterimPlan(first, last, cravingInstrument, cravingScale, glmmQuadraturePoints);
    }

    public InterimPlan withGlmmQuadraturePoints(int points) {
        return new InterimPlan(firstWeek, lastWeek, cravingInstrument, cravingScale, points);
    }

    public int firstWeek() {
        return firstWeek;
    }

    /** The last treatment week, where each active arm is compared with placebo. */
    public int lastWeek() {
        return lastWeek;
    }

    public String cravingInstrument() {
        return cravingInstrument;
    }

    public String cravingScale() {
        return cravingScale;
    }

    public int glmmQuadraturePoints() {
        return glmmQuadraturePoints;
    }
}
