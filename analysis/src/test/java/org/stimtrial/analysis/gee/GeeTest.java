package org.stimtrial.analysis.gee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.relative;
import static org.stimtrial.analysis.Reference.strings;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.TrialData;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/** geepack::geeglm(uds_negative ~ arm*week, id=subject_id, binomial, corstr="exchangeable") on the trial. */
class GeeTest {
    private static final JsonObject REF = Reference.json("ref_trial_small.json").getJsonObject("gee");

    @Test
    void exchangeableMatchesGeepack() {
        DataTable data = TrialData.weeks1to12();
        ModelFrame frame = ModelFrame.of(data, Formula.parse("uds_negative ~ arm*week"), TrialData.LEVELS);
        GeeFit fit = Gee.with(WorkingCorrelation.EXCHANGEABLE).fit(frame, data, "subject_id");
        assertTrue(fit.converged());
        assertEquals(250, fit.clusters());
        JsonObject fixed = REF.getJsonObject("fixed");
        assertEquals(strings(fixed.getJsonArray("term")), fit.names());
        double[] est = doubles(fixed.getJsonArray("estimate"));
        double[] se = doubles(fixed.getJsonArray("se_robust"));
        for (int j = 0; j < est.length; j++) {
            relative(fit.names().get(j) + " estimate", est[j], fit.beta()[j], 1e-5);
            relative(fit.names().get(j) + " robust SE", se[j], fit.robustSe(j), 1e-5);
        }
        relative("alpha", REF.getJsonNumber("alpha_exchangeable").doubleValue(), fit.alpha(), 1e-4);
        relative("phi", REF.getJsonNumber("scale_phi").doubleValue(), fit.phi(), 1e-4);
        double[] naive0 = doubles(REF.getJsonObject("vcov_naive").getJsonArray("values").getJsonArray(0));
        for (int j = 0; j < naive0.length; j++) {
            relative("naive vcov [0," + j + "]", naive0[j], fit.naiveVcov()[j], 1e-5);
        }
    }
}
