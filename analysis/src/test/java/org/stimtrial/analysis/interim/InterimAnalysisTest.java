package org.stimtrial.analysis.interim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.near;
import static org.stimtrial.analysis.Reference.relative;
import static org.stimtrial.analysis.Reference.strings;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.interim.InterimResults.EstimateRow;
import org.stimtrial.analysis.snapshot.SnapshotCodec;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * The prespecified models run on the validation trial entered as a snapshot give R's numbers (ref_trial_small.json,
 * ref_trial_small_tight.json) at the tolerances of the model tests, and a rerun of the stored snapshot gives the
 * same bytes.
 */
class InterimAnalysisTest {
    private static final JsonObject REF = Reference.json("ref_trial_small.json");
    private static final JsonObject TIGHT = Reference.json("ref_trial_small_tight.json");
    private static TrialSnapshot snapshot;
    private static InterimResults results;
    private static final List<String> steps = new ArrayList<>();

    @BeforeAll
    static void run() {
        snapshot = SnapshotFixtures.trialSmall(LocalDate.of(2026, 12, 31));
        results = InterimAnalysis.of(InterimPlan.protocol()).run(snapshot,
                (done, total, what) -> steps.add(done + "/" + total + " " + what));
    }

    @Test
    void everyModelConvergedOnTheWholeTrialAndProgressWasReported() {
        assertEquals(250, results.randomized());
        for (String key : List.of(InterimResults.GLMM, InterimResults.GEE, InterimResults.MMRM, InterimResults.LMM)) {
            assertEquals("converged", results.model(key).status(), key + ": " + results.model(key).messages());
            assertEquals(250, results.model(key).subjects(), key);
        }
        assertEquals(REF.getJsonObject("lmm").getInt("nobs"), results.model(InterimResults.LMM).observations());
        assertEquals(5, steps.size());
        assertTrue(steps.get(0).startsWith("0/5 logistic mixed model"), steps.toString());
        assertEquals(SnapshotCodec.hash(snapshot), results.snapshotHash());
        assertTrue(results.engineVersion().startsWith("stimtrial-analysis "), results.engineVersion());
    }

    @Test
    void lmmWeek12ContrastsMatchLmerTestAndDunnettMatchesEmmeans() {
        JsonObject ref = TIGHT.getJsonObject("lmm").getJsonObject("contrasts_week12_satterthwaite");
        List<EstimateRow> c = results.estimates(InterimResults.LMM, "contrast");
        assertEquals(List.of("bupropion - placebo", "modafinil - placebo", "nac - placebo", "baclofen - placebo"),
                c.stream().map(EstimateRow::label).toList());
        double[] est = doubles(ref.getJsonArray("Estimate"));
        double[] se = doubles(ref.getJsonArray("Std. Error"));
        double[] df = doubles(ref.getJsonArray("df"));
        for (int i = 0; i < 4; i++) {
            near(c.get(i).label(), est[i], c.get(i).estimate(), 1e-5 * se[i]);
            relative(c.get(i).label() + " SE", se[i], c.get(i).se(), 1e-5);
            relative(c.get(i).label() + " df", df[i], c.get(i).df(), 1e-3);
        }
        double[] dunnett = doubles(REF.getJsonObject("lmm").getJsonObject("week12_satterthwaite")
                .getJsonObject("contrasts_vs_placebo").getJsonArray("p_dunnett_precise"));
        for (int i = 0; i < 4; i++) {
            near(c.get(i).label() + " Dunnett p", dunnett[i], c.get(i).pAdjusted(), 2e-3 * dunnett[i] + 1e-4);
        }
    }

    @Test
    void glmmAndGeeOddsRatiosAtWeek12MatchLme4AndGeepack() {
        oddsRatios(InterimResults.GLMM, REF.getJsonObject("glmm_laplace"), 3e-2, 3e-2);
        oddsRatios(InterimResults.GEE, REF.getJsonObject("gee"), 1e-5, 1e-5);
    }

    private static void oddsRatios(String model, JsonObject ref, double estimateInSe, double seRelative) {
        JsonObject or = ref.getJsonObject("odds_ratios_week12_vs_placebo");
        double[] logOr = doubles(or.getJsonArray("log_or"));
        double[] se = doubles(or.getJsonArray("se_log_or"));
        List<EstimateRow> c = results.estimates(model, "contrast");
        assertEquals(4, c.size());
        for (int i = 0; i < 4; i++) {
            near(model + " " + c.get(i).label(), logOr[i], c.get(i).estimate(), estimateInSe * se[i]);
            relative(model + " " + c.get(i).label() + " SE", se[i], c.get(i).se(), seRelative);
        }
    }

    @Test
    void mmrmWeek12ContrastsMatchGls() {
        JsonObject ref = REF.getJsonObject("mmrm").getJsonObject("week12_emmeans_df_error")
                .getJsonObject("contrasts_vs_placebo");
        double[] est = doubles(ref.getJsonArray("estimate"));
        double[] se = doubles(ref.getJsonArray("se"));
        List<EstimateRow> c = results.estimates(InterimResults.MMRM, "contrast");
        for (int i = 0; i < 4; i++) {
            near(c.get(i).label(), est[i], c.get(i).estimate(), 1e-4 * se[i]);
            relative(c.get(i).label() + " SE", se[i], c.get(i).se(), 1e-4);
        }
    }

    @Test
    void tesMatchesR() {
        JsonObject byArm = REF.getJsonObject("tes").getJsonObject("by_arm");
        assertEquals(strings(byArm.getJsonArray("arm")), results.tes().stream().map(InterimResults.TesArmRow::arm)
                .toList());
        double[] mean = doubles(byArm.getJsonArray("mean"));
        double[] sd = doubles(byArm.getJsonArray("sd"));
        for (int i = 0; i < 5; i++) {
            near("TES mean " + i, mean[i], results.tes().get(i).mean(), 1e-12);
            near("TES sd " + i, sd[i], results.tes().get(i).sd(), 1e-12);
            assertEquals(50, results.tes().get(i).n());
        }
        double[] p = doubles(REF.getJsonObject("tes").getJsonObject("wilcoxon_vs_placebo").getJsonArray("p"));
        for (int i = 0; i < 4; i++) {
            relative("Wilcoxon p " + i, p[i], results.tesComparisons().get(i).p(), 1e-9);
        }
    }

    @Test
    void theStoredSnapshotRerunsToTheSameBytes() {
        TrialSnapshot stored = SnapshotCodec.decode(SnapshotCodec.encode(snapshot));
        assertEquals(snapshot, stored);
        InterimResults rerun = InterimAnalysis.of(InterimPlan.protocol()).run(stored, ProgressListener.none());
        assertArrayEquals(ResultsCodec.encode(results), ResultsCodec.encode(rerun));
        assertEquals(results, ResultsCodec.decode(ResultsCodec.encode(results)));
    }

    @Test
    void aBlindedSnapshotCannotBeAnalysedByArm() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> InterimAnalysis.of(InterimPlan.protocol())
                .run(snapshot.withoutArms(), ProgressListener.none()));
        assertTrue(e.getMessage().contains("unblinded snapshot"), e.getMessage());
    }

    @Test
    void anEarlyLookAnalysesOnlyTheWeeksThatWereDue() {
        LocalDate early = SnapshotFixtures.FIRST_RANDOMIZED.plusDays(60);
        TrialSnapshot look = SnapshotFixtures.trialSmall(early);
        AnalysisDataset data = AnalysisDataset.of(look, InterimPlan.protocol());
        assertTrue(data.rows().stream().anyMatch(r -> r.week() == 8), "week 8 was due for the first participants");
        assertTrue(data.rows().stream().allMatch(r -> r.week() <= 8), "no later week was due");
        long dueWeek12 = data.rows().stream().filter(r -> r.week() == 12).count();
        assertEquals(0, dueWeek12, "nobody's week 12 was due 60 days after the first randomization");
        assertTrue(data.completeFollowUp(1, 12).isEmpty());
    }
}
