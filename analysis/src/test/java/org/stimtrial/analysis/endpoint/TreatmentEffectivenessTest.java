package org.stimtrial.analysis.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.relative;
import static org.stimtrial.analysis.Reference.strings;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.TrialData;

/** TES on the trial against R (mean, SD, median, kruskal.test, wilcox.test): deterministic, so 1e-12 relative. */
class TreatmentEffectivenessTest {
    private static final JsonObject REF = Reference.json("ref_trial_small.json").getJsonObject("tes");

    @Test
    void matchesR() {
        TreatmentEffectiveness.Result r = TreatmentEffectiveness.compute(Reference.data("trial_small.csv"),
                "subject_id", "arm", "week", "uds_negative", 1, 12, "placebo", TrialData.ARMS);
        JsonObject byArm = REF.getJsonObject("by_arm");
        assertEquals(strings(byArm.getJsonArray("arm")), r.arms().stream().map(a -> a.arm()).toList());
        double[] mean = doubles(byArm.getJsonArray("mean"));
        double[] sd = doubles(byArm.getJsonArray("sd"));
        double[] median = doubles(byArm.getJsonArray("median"));
        for (int i = 0; i < mean.length; i++) {
            assertEquals(50, r.arms().get(i).n());
            relative("mean", mean[i], r.arms().get(i).mean(), 1e-12);
            relative("sd", sd[i], r.arms().get(i).sd(), 1e-12);
            assertEquals(median[i], r.arms().get(i).median());
        }
        JsonObject kw = REF.getJsonObject("kruskal_wallis");
        relative("KW statistic", kw.getJsonNumber("statistic").doubleValue(), r.kruskalWallis().statistic(), 1e-12);
        relative("KW p", kw.getJsonNumber("p").doubleValue(), r.kruskalWallis().p(), 1e-10);
        JsonObject w = REF.getJsonObject("wilcoxon_vs_placebo");
        double[] stat = doubles(w.getJsonArray("W"));
        double[] p = doubles(w.getJsonArray("p"));
        for (int i = 0; i < stat.length; i++) {
            assertEquals(stat[i], r.versusReference().get(i).wilcoxon().statistic());
            relative("Wilcoxon p " + i, p[i], r.versusReference().get(i).wilcoxon().p(), 1e-10);
        }
        JsonObject per = REF.getJsonObject("per_subject");
        List<String> ids = strings(per.getJsonArray("subject_id"));
        double[] tes = doubles(per.getJsonArray("tes"));
        Map<String, Integer> mine = r.subjects().stream().collect(Collectors.toMap(s -> s.subject(), s -> s.tes()));
        for (int i = 0; i < ids.size(); i++) {
            assertEquals((int) tes[i], mine.get(ids.get(i)), ids.get(i));
        }
    }
}
