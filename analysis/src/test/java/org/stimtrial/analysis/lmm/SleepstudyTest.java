package org.stimtrial.analysis.lmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.near;
import static org.stimtrial.analysis.Reference.relative;
import static org.stimtrial.analysis.Reference.strings;

import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.model.FactorLevels;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/** lme4's sleepstudy fits, against R refitted to the true optimum (ref_sleepstudy_tight.json), README tolerances. */
class SleepstudyTest {
    private static final JsonObject TIGHT = Reference.json("ref_sleepstudy_tight.json");

    @ParameterizedTest
    @CsvSource({
        "correlated_REML, Reaction ~ Days + (Days | Subject), true",
        "uncorrelated_REML, Reaction ~ Days + (1 | Subject) + (0 + Days | Subject), true",
        "correlated_ML, Reaction ~ Days + (Days | Subject), false",
        "uncorrelated_ML, Reaction ~ Days + (1 | Subject) + (0 + Days | Subject), false"})
    void matchesTheTightReference(String key, String formula, boolean reml) {
        JsonObject ref = TIGHT.getJsonObject(key);
        ModelFrame frame = ModelFrame.of(Reference.data("sleepstudy.csv"), Formula.parse(formula),
                FactorLevels.defaults());
        LmmFit fit = (reml ? Lmm.reml() : Lmm.ml()).fit(frame);

        JsonObject fixed = ref.getJsonObject("fixed");
        assertEquals(strings(fixed.getJsonArray("term")), fit.names());
        double[] est = doubles(fixed.getJsonArray("estimate"));
        double[] se = doubles(fixed.getJsonArray("se"));
        for (int j = 0; j < est.length; j++) {
            near(key + " beta " + j, est[j], fit.beta()[j], 1e-6 * se[j]);
            relative(key + " se " + j, se[j], fit.se(j), 1e-6);
        }
        JsonObject theta = ref.getJsonObject("theta");
        assertEquals(theta.keySet().stream().toList(), fit.thetaNames());
        for (int i = 0; i < fit.theta().length; i++) {
            double expected = theta.getJsonNumber(fit.thetaNames().get(i)).doubleValue();
            near(key + " theta " + fit.thetaNames().get(i), expected, fit.theta()[i], 1e-5 * Math.abs(expected) + 1e-8);
        }
        relative(key + " sigma", ref.getJsonNumber("sigma").doubleValue(), fit.sigma(), 1e-6);
        near(key + " criterion", ref.getJsonNumber("criterion").doubleValue(), fit.criterion(), 1e-7);
        near(key + " logLik", ref.getJsonNumber("logLik").doubleValue(), fit.logLik(), 1e-7);
    }
}
