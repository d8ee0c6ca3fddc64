package org.stimtrial.analysis.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.near;
import static org.stimtrial.analysis.Reference.relative;
import static org.stimtrial.analysis.Reference.strings;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.TrialData;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * glmer(uds_negative ~ arm*week + (1|subject_id), binomial) against lme4 refitted to the optimum
 * (ref_trial_small_tight.json).
 *
 * <p>nAGQ = 10 is held to the README's tolerances. For nAGQ = 1 lme4 does not evaluate the exact Laplace
 * approximation: it forms L from the working weights one PIRLS iteration before its convergence test (relative
 * change 1e-7), starting from the previous stage's linear predictor, which shifts its objective by about 0.02
 * deviance units on this data. This engine evaluates the Laplace approximation at fully converged modes, so the
 * Laplace comparison uses tolerances sized to that difference (docs/analysis.md), and the engine's own Laplace value
 * is checked against one-point quadrature and the quadrature series. lme4's Hessian-based Laplace SEs sit within
 * 0.2% of its R_X-based ones, where its own AGQ fit (and this engine's exact Laplace) show the 2-3% gap the
 * uncertainty in theta adds; they are compared at 3%.
 */
class GlmmTest {
    private static final JsonObject TIGHT = Reference.json("ref_trial_small_tight.json");
    private static ModelFrame frame;
    private static GlmmFit laplace;
    private static GlmmFit agq10;

    @BeforeAll
    static void fit() {
        frame = ModelFrame.of(TrialData.weeks1to12(), Formula.parse("uds_negative ~ arm*week + (1 | subject_id)"),
                TrialData.LEVELS);
        laplace = BinomialGlmm.laplace().fit(frame);
        agq10 = BinomialGlmm.adaptiveGaussHermite(10).fit(frame);
    }

    @Test
    void adaptiveGaussHermiteWithTenPointsMatchesLme4AtTheOptimum() {
        compare("glmm_nAGQ10", agq10, 1e-4, 1e-3, 1e-4, 1e-4, 2e-5);
    }

    @Test
    void laplaceMatchesLme4WithinItsPirlsTolerance() {
        compare("glmm_nAGQ1", laplace, 2e-2, 3e-2, 2e-3, 3e-3, 2e-2);
    }

    @Test
    void laplaceIsOnePointQuadratureAndTheQuadratureSeriesConverges() {
        GlmmFit one = BinomialGlmm.adaptiveGaussHermite(1).fit(frame);
        near("Laplace vs 1-point AGQ logLik", laplace.logLik(), one.logLik(), 1e-7);
        GlmmFit ten = agq10;
        GlmmFit twenty = BinomialGlmm.adaptiveGaussHermite(20).fit(frame);
        near("AGQ10 vs AGQ20 logLik", twenty.logLik(), ten.logLik(), 5e-3);
        for (int j = 0; j < ten.beta().length; j++) {
            near("AGQ10 vs AGQ20 beta " + j, twenty.beta()[j], ten.beta()[j], 2e-3 * ten.se(j));
        }
        assertTrue(Math.abs(laplace.logLik() - ten.logLik()) > 1, "Laplace and AGQ differ on binary data");
    }

    private static void compare(String key, GlmmFit fit, double betaInSe, double seRel, double seRxRel,
                                double thetaRel, double logLikAbs) {
        JsonObject ref = TIGHT.getJsonObject(key);
        JsonObject fixed = ref.getJsonObject("fixed");
        assertEquals(strings(fixed.getJsonArray("term")), fit.names());
        double[] est = doubles(fixed.getJsonArray("estimate"));
        double[] se = doubles(fixed.getJsonArray("se"));
        double[] seRx = doubles(fixed.getJsonArray("se_rx_based"));
        for (int j = 0; j < est.length; j++) {
            String name = key + " " + fit.names().get(j);
            near(name + " estimate", est[j], fit.beta()[j], betaInSe * se[j]);
            relative(name + " SE (Hessian)", se[j], fit.se(j), seRel);
            relative(name + " SE (R_X based)", seRx[j], fit.seConditional(j), seRxRel);
        }
        relative(key + " theta", ref.getJsonObject("theta").getJsonNumber("subject_id.(Intercept)").doubleValue(),
                fit.theta()[0], thetaRel);
        near(key + " logLik", ref.getJsonNumber("logLik").doubleValue(), fit.logLik(), logLikAbs);
        assertTrue(fit.convergence().converged(), fit.convergence().toString());
        assertEquals(3000, fit.nobs());
        assertEquals(250, fit.ngroups());
    }
}
