package org.stimtrial.analysis.lmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.near;
import static org.stimtrial.analysis.Reference.relative;
import static org.stimtrial.analysis.Reference.strings;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.TrialData;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * lmerTest::lmer(craving ~ arm*week + baseline_craving + site + (1+week|subject_id), REML) on the 250-subject trial,
 * against R refitted to the optimum (ref_trial_small_tight.json) and, for quantities only the default-settings
 * record holds, against ref_trial_small.json with its looser tolerances (shared/validation/README.md).
 */
class TrialLmmTest {
    static final String FORMULA = "craving ~ arm*week + baseline_craving + site + (1 + week | subject_id)";
    private static final JsonObject TIGHT = Reference.json("ref_trial_small_tight.json").getJsonObject("lmm");
    private static final JsonObject DEFAULT = Reference.json("ref_trial_small.json").getJsonObject("lmm");
    private static ModelFrame frame;
    private static LmmFit fit;

    @BeforeAll
    static void fit() {
        frame = ModelFrame.of(TrialData.weeks1to12(), Formula.parse(FORMULA), TrialData.LEVELS);
        fit = Lmm.reml().fit(frame);
    }

    @Test
    void fixedEffectsSeAndSatterthwaiteDfMatchTheOptimum() {
        JsonObject fixed = TIGHT.getJsonObject("fixed");
        assertEquals(strings(fixed.getJsonArray("term")), fit.names());
        double[] est = doubles(fixed.getJsonArray("estimate"));
        double[] se = doubles(fixed.getJsonArray("se"));
        double[] df = doubles(fixed.getJsonArray("df_satterthwaite"));
        double[] t = doubles(fixed.getJsonArray("t"));
        for (int j = 0; j < est.length; j++) {
            String name = fit.names().get(j);
            near(name + " estimate", est[j], fit.beta()[j], 1e-6 * se[j]);
            relative(name + " se", se[j], fit.se(j), 1e-6);
            relative(name + " Satterthwaite df", df[j], fit.df(j), 1e-3);
            relative(name + " t", t[j], fit.beta()[j] / fit.se(j), 1e-5);
        }
        assertEquals(3000, fit.nobs());
        assertEquals(250, fit.ngroups());
    }

    @Test
    void thePerPatternSumsGiveTheSameDevianceAsThePerGroupSums() {
        LmmProblem problem = LmmProblem.of(frame);
        assertTrue(problem.patterns.worthIt(), "the trial's subjects share their observed weeks");
        assertTrue(problem.patterns.count < 250 / 2, "patterns: " + problem.patterns.count);
        for (boolean reml : new boolean[] {true, false}) {
            ProfiledDeviance deviance = new ProfiledDeviance(problem, reml);
            for (double[] theta : new double[][] {{1, 0, 1}, {0.9, -0.03, 0.08}, {2.5, 0.4, 0.01}, {0.2, 0, 0}}) {
                double byGroup = deviance.evaluate(theta, true).deviance();
                near("deviance at " + java.util.Arrays.toString(theta), byGroup, deviance.value(theta),
                        1e-9 * Math.abs(byGroup));
            }
        }
    }

    @Test
    void varianceParametersAndCriterionMatchTheOptimum() {
        JsonObject theta = TIGHT.getJsonObject("theta");
        assertEquals(List.copyOf(theta.keySet()), fit.thetaNames());
        for (int i = 0; i < fit.theta().length; i++) {
            relative("theta " + fit.thetaNames().get(i), theta.getJsonNumber(fit.thetaNames().get(i)).doubleValue(),
                    fit.theta()[i], 1e-5);
        }
        relative("sigma", TIGHT.getJsonNumber("sigma").doubleValue(), fit.sigma(), 1e-6);
        near("REML criterion", TIGHT.getJsonNumber("criterion").doubleValue(), fit.criterion(), 1e-7);
        near("logLik", TIGHT.getJsonNumber("logLik").doubleValue(), fit.logLik(), 1e-7);
        assertTrue(fit.convergence().converged(), fit.convergence().toString());
        assertFalse(fit.convergence().singular());
    }

    @Test
    void informationCriteriaVarCorrAndVarparCovarianceMatchTheDefaultFit() {
        near("AIC", DEFAULT.getJsonNumber("AIC").doubleValue(), fit.aic(), 1e-5);
        near("BIC", DEFAULT.getJsonNumber("BIC").doubleValue(), fit.bic(), 1e-5);
        JsonObject vc = DEFAULT.getJsonObject("varcorr");
        double[] sdcor = doubles(vc.getJsonArray("sdcor"));
        List<VarianceComponent> mine = fit.varCorr();
        relative("SD (Intercept)", sdcor[0], mine.get(0).sdOrCorrelation(), 2e-3);
        relative("SD week", sdcor[1], mine.get(1).sdOrCorrelation(), 2e-3);
        relative("corr", sdcor[2], mine.get(2).sdOrCorrelation(), 2e-3);
        relative("residual SD", sdcor[3], mine.get(3).sdOrCorrelation(), 3e-4);
        JsonArray rows = DEFAULT.getJsonObject("lmerTest_vcov_varpar").getJsonArray("values");
        double[] a = fit.satterthwaite().varparCovariance();
        for (int i = 0; i < 4; i++) {
            double[] row = doubles(rows.getJsonArray(i));
            for (int j = 0; j < 4; j++) {
                near("vcov_varpar[" + i + "," + j + "]", row[j], a[i * 4 + j], 5e-3 * Math.sqrt(
                        Math.abs(doubles(rows.getJsonArray(i))[i] * doubles(rows.getJsonArray(j))[j])));
            }
        }
    }

    @Test
    void blupsAndConditionalSdsMatchLme4() {
        JsonObject ranef = DEFAULT.getJsonObject("ranef");
        List<String> terms = strings(ranef.getJsonArray("term"));
        List<String> levels = strings(ranef.getJsonArray("level"));
        double[] value = doubles(ranef.getJsonArray("condval"));
        double[] sd = doubles(ranef.getJsonArray("condsd"));
        List<RandomEffect> mine = fit.ranef();
        assertEquals(value.length, mine.size());
        for (int i = 0; i < value.length; i++) {
            RandomEffect b = mine.get(i);
            assertEquals(terms.get(i), b.term());
            assertEquals(levels.get(i), b.level());
            near("BLUP " + b.level() + " " + b.term(), value[i], b.value(), 1e-2 * sd[i]);
            relative("condsd " + b.level() + " " + b.term(), sd[i], b.conditionalSd(), 2e-3);
        }
    }

    @Test
    void week12ContrastsAgainstPlaceboMatchEmmeansWithSatterthwaiteDf() {
        Emmeans.Result em = Emmeans.of(frame, fit.beta(), fit.vcov(), fit.satterthwaite()::df, "arm",
                Map.of("week", "12"));
        JsonObject ref = TIGHT.getJsonObject("contrasts_week12_satterthwaite");
        assertEquals(strings(ref.getJsonArray("contrast")), em.contrasts().stream().map(Contrast::label).toList());
        double[] est = doubles(ref.getJsonArray("Estimate"));
        double[] se = doubles(ref.getJsonArray("Std. Error"));
        double[] df = doubles(ref.getJsonArray("df"));
        double[] p = doubles(ref.getJsonArray("Pr(>|t|)"));
        for (int i = 0; i < est.length; i++) {
            Contrast c = em.contrasts().get(i);
            near(c.label() + " estimate", est[i], c.estimate(), 1e-6 * se[i]);
            relative(c.label() + " se", se[i], c.se(), 1e-6);
            relative(c.label() + " df", df[i], c.df(), 1e-3);
            relative(c.label() + " p", p[i], c.p(), 1e-3);
        }
        double[] dunnett = doubles(DEFAULT.getJsonObject("week12_satterthwaite").getJsonObject("contrasts_vs_placebo")
                .getJsonArray("p_dunnett_precise"));
        double[] adjusted = em.dunnett().adjusted();
        for (int i = 0; i < dunnett.length; i++) {
            near(em.contrasts().get(i).label() + " Dunnett p", dunnett[i], adjusted[i], 1e-5);
        }
        JsonObject means = DEFAULT.getJsonObject("week12_satterthwaite").getJsonObject("emmeans");
        double[] emmean = doubles(means.getJsonArray("emmean"));
        double[] emse = doubles(means.getJsonArray("se"));
        double[] emdf = doubles(means.getJsonArray("df"));
        for (int i = 0; i < emmean.length; i++) {
            Contrast m = em.means().get(i);
            near(m.label() + " emmean", emmean[i], m.estimate(), 1e-3 * emse[i]);
            relative(m.label() + " emmean se", emse[i], m.se(), 3e-4);
            relative(m.label() + " emmean df", emdf[i], m.df(), 1e-3);
        }
    }
}
