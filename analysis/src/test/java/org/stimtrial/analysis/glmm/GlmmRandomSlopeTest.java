package org.stimtrial.analysis.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.near;
import static org.stimtrial.analysis.Reference.relative;
import static org.stimtrial.analysis.Reference.strings;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.TrialData;
import org.stimtrial.analysis.lmm.RandomStructure;
import org.stimtrial.analysis.lmm.VarianceComponent;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * glmer(uds_negative ~ arm*week + (1 + week | subject_id), binomial, nAGQ = 1) against lme4 (ref_glmm_slope.json
 * and glmm_slope.csv, written by {@code src/test/r/glmm_random_slope.R} from data simulated with an intercept SD of
 * 1.2, a week SD of 0.15 and a correlation of -0.3). lme4 is refitted with a tight BOBYQA and tolPwrss = 1e-12, so
 * that it too evaluates the Laplace approximation at converged conditional modes; the tolerances are the validation
 * README's for tight GLMM refits. (With lme4's default tolPwrss of 1e-7 its optimum moves by 0.0084 in logLik and
 * 0.75% of an SE in the intercept on these data; the JSON keeps that fit as {@code default_pirls}.)
 */
class GlmmRandomSlopeTest {
    private static final JsonObject REF = Reference.json("ref_glmm_slope.json");
    private static ModelFrame frame;
    private static GlmmFit fit;

    @BeforeAll
    static void fit() {
        frame = ModelFrame.of(Reference.data("glmm_slope.csv"),
                Formula.parse("uds_negative ~ arm*week + (1 + week | subject_id)"), TrialData.LEVELS);
        fit = BinomialGlmm.laplace().fit(frame);
    }

    @Test
    void fixedEffectsAndTheirStandardErrorsMatchLme4() {
        JsonObject fixed = REF.getJsonObject("fixed");
        assertEquals(strings(fixed.getJsonArray("term")), fit.names());
        double[] est = doubles(fixed.getJsonArray("estimate"));
        double[] se = doubles(fixed.getJsonArray("se"));
        double[] seRx = doubles(fixed.getJsonArray("se_rx_based"));
        for (int j = 0; j < est.length; j++) {
            String name = fit.names().get(j);
            near(name + " estimate", est[j], fit.beta()[j], 1e-3 * se[j]);
            relative(name + " SE (Hessian)", se[j], fit.se(j), 1e-3);
            relative(name + " SE (R_X based)", seRx[j], fit.seConditional(j), 1e-5);
        }
        assertEquals(REF.getInt("nobs"), fit.nobs());
        assertEquals(200, fit.ngroups());
    }

    @Test
    void thetaVarianceComponentsAndLikelihoodMatchLme4() {
        JsonObject theta = REF.getJsonObject("theta");
        assertEquals(List.of("subject_id.(Intercept)", "subject_id.week.(Intercept)", "subject_id.week"),
                fit.thetaNames());
        for (int i = 0; i < 3; i++) {
            String name = fit.thetaNames().get(i);
            relative(name, theta.getJsonNumber(name).doubleValue(), fit.theta()[i], 1e-4);
        }
        List<VarianceComponent> vc = fit.varCorr();
        assertEquals(3, vc.size());
        relative("SD of the intercept", REF.getJsonNumber("sd_intercept").doubleValue(), vc.get(0).sdOrCorrelation(),
                1e-4);
        relative("SD of week", REF.getJsonNumber("sd_week").doubleValue(), vc.get(1).sdOrCorrelation(), 1e-4);
        near("correlation", REF.getJsonNumber("cor").doubleValue(), vc.get(2).sdOrCorrelation(), 1e-4);
        assertEquals("week", vc.get(2).var1());
        assertEquals("(Intercept)", vc.get(2).var2());
        near("logLik", REF.getJsonNumber("logLik").doubleValue(), fit.logLik(), 1e-6);
        assertEquals(13, fit.parameters());
        near("AIC", REF.getJsonNumber("AIC").doubleValue(), fit.aic(), 2e-6);
        assertTrue(fit.convergence().converged(), fit.convergence().toString());
        assertTrue(fit.convergence().warnings().isEmpty(), fit.convergence().warnings().toString());
    }

    @Test
    void withOnlyAnInterceptTheVectorDevianceIsTheInterceptModelsLaplaceDeviance() {
        ModelFrame intercept = ModelFrame.of(TrialData.weeks1to12(),
                Formula.parse("uds_negative ~ arm*week + (1 | subject_id)"), TrialData.LEVELS);
        int[][] rowsOf = BinomialGlmm.rowsOf(intercept.factor("subject_id"));
        BinomialDeviance scalar = new BinomialDeviance(intercept.fixedDesign(), intercept.response(), rowsOf, 1);
        VectorLaplaceDeviance vector = new VectorLaplaceDeviance(intercept.fixedDesign(), intercept.response(),
                RandomStructure.of(intercept), rowsOf);
        Random rng = new Random(11);
        for (int trial = 0; trial < 3; trial++) {
            double[] par = new double[11];
            par[0] = 0.3 + 2 * rng.nextDouble();
            for (int j = 1; j < par.length; j++) {
                par[j] = 0.3 * rng.nextGaussian();
            }
            double expected = scalar.value(par);
            near("Laplace deviance at trial " + trial, expected, vector.value(par), 1e-8 * Math.abs(expected));
        }
    }

    @Test
    void theDevianceDoesNotDependOnWhereThePreviousEvaluationLeftTheModes() {
        VectorLaplaceDeviance deviance = new VectorLaplaceDeviance(frame.fixedDesign(), frame.response(),
                RandomStructure.of(frame), BinomialGlmm.rowsOf(frame.factor("subject_id")));
        double[] par = new double[13];
        System.arraycopy(fit.theta(), 0, par, 0, 3);
        System.arraycopy(fit.beta(), 0, par, 3, 10);
        double fromZero = deviance.value(par);
        double[] away = par.clone();
        away[3] += 0.5;
        away[0] *= 2;
        deviance.value(away);
        near("deviance after evaluating elsewhere", fromZero, deviance.value(par), 1e-10);
        near("deviance evaluated again", fromZero, deviance.value(par), 1e-10);
    }

    @Test
    void quadratureIsRefusedForRandomSlopesAsInLme4() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> BinomialGlmm.adaptiveGaussHermite(5).fit(frame));
        assertTrue(e.getMessage().contains("only available for one random intercept"), e.getMessage());
    }
}
