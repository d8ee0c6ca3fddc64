package org.stimtrial.analysis.mmrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.near;
import static org.stimtrial.analysis.Reference.relative;
import static org.stimtrial.analysis.Reference.strings;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.TrialData;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * nlme::gls(craving ~ arm*fweek + baseline_craving, corSymm + varIdent by week, REML) on the trial: the unstructured
 * MMRM, against R with the README's tolerances (fixed effects and SE 1e-4 relative, logLik 1e-5, covariance 1e-3).
 */
class MmrmTest {
    private static final JsonObject REF = Reference.json("ref_trial_small.json").getJsonObject("mmrm");
    private static MmrmFit fit;
    private static ModelFrame frame;

    @BeforeAll
    static void fit() {
        DataTable base = TrialData.weeks1to12();
        double[] week = base.numeric("week").values();
        String[] fweek = new String[week.length];
        for (int i = 0; i < week.length; i++) {
            fweek[i] = Long.toString((long) week[i]);
        }
        DataTable.Builder b = DataTable.builder();
        for (String name : base.names()) {
            if (base.column(name) instanceof org.stimtrial.analysis.data.Column.Numeric n) {
                b.numeric(name, n.values());
            } else {
                b.text(name, ((org.stimtrial.analysis.data.Column.Text) base.column(name)).values());
            }
        }
        b.text("fweek", fweek);
        List<String> weeks = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        frame = ModelFrame.of(b.build(), Formula.parse("craving ~ arm*fweek + baseline_craving"),
                TrialData.LEVELS.withLevels("fweek", weeks), List.of("subject_id", "fweek"));
        fit = Mmrm.of(CovarianceStructure.UNSTRUCTURED, true).fit(frame, "subject_id", "fweek");
    }

    @Test
    void fixedEffectsAndStandardErrorsMatchGls() {
        JsonObject fixed = REF.getJsonObject("fixed");
        assertEquals(strings(fixed.getJsonArray("term")), fit.names());
        double[] est = doubles(fixed.getJsonArray("estimate"));
        double[] se = doubles(fixed.getJsonArray("se"));
        for (int j = 0; j < est.length; j++) {
            near(fit.names().get(j) + " estimate", est[j], fit.beta()[j], 1e-4 * Math.abs(est[j]) + 1e-5 * se[j]);
            relative(fit.names().get(j) + " SE", se[j], fit.se(j), 1e-4);
        }
        assertEquals(REF.getJsonNumber("df_residual").intValue(), fit.residualDf());
        assertTrue(fit.convergence().converged(), fit.convergence().toString());
    }

    @Test
    void likelihoodAndCovarianceMatchGls() {
        near("REML logLik", REF.getJsonNumber("logLik_REML").doubleValue(), fit.logLik(), 1e-5);
        near("AIC", REF.getJsonNumber("AIC").doubleValue(), fit.aic(), 1e-4);
        near("BIC", REF.getJsonNumber("BIC").doubleValue(), fit.bic(), 1e-4);
        JsonArray rows = REF.getJsonObject("cov_unstructured_12x12").getJsonArray("values");
        double[] cov = fit.covariance();
        for (int i = 0; i < 12; i++) {
            double[] row = doubles(rows.getJsonArray(i));
            for (int j = 0; j < 12; j++) {
                relative("covariance[" + i + "," + j + "]", row[j], cov[i * 12 + j], 1e-3);
            }
        }
    }

    @Test
    void week12ContrastsMatchEmmeansWithItsErrorDf() {
        JsonObject ref = REF.getJsonObject("week12_emmeans_df_error").getJsonObject("contrasts_vs_placebo");
        assertEquals(2862, fit.emmeansDf());
        Emmeans.Result em = Emmeans.of(frame, fit.beta(), fit.vcov(), l -> fit.emmeansDf(), "arm",
                java.util.Map.of("fweek", "12"));
        double[] est = doubles(ref.getJsonArray("estimate"));
        double[] se = doubles(ref.getJsonArray("se"));
        double[] p = doubles(ref.getJsonArray("p"));
        for (int i = 0; i < est.length; i++) {
            Contrast c = em.contrasts().get(i);
            near(c.label() + " estimate", est[i], c.estimate(), 1e-4 * se[i]);
            relative(c.label() + " SE", se[i], c.se(), 1e-4);
            relative(c.label() + " p", p[i], c.p(), 1e-3);
        }
    }
}
