package org.stimtrial.analysis.interim;

import java.time.LocalDate;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;

/**
 * The results of one analysis of one snapshot: for each model its summary, and flat rows of estimates (fixed
 * effects, week-{@code lastWeek} means by arm, contrasts of each active arm against placebo with Dunnett-adjusted
 * p-values), plus the TES by arm and its comparisons. Logistic models report on the log-odds scale (the odds ratio is
 * {@code exp}). Immutable; stored in the canonical text of {@link ResultsCodec}.
 */
public record InterimResults(String engineVersion, String snapshotHash, LocalDate cutoff, int randomized,
                             List<ModelSummary> models, List<EstimateRow> estimates, List<TesArmRow> tes,
                             List<TesComparisonRow> tesComparisons) {

    /** Model keys, in the order they are fitted and reported. */
    public static final String GLMM = "glmm_uds";
    public static final String GEE = "gee_uds";
    public static final String MMRM = "mmrm_craving";
    public static final String LMM = "lmm_craving";

    /** A fitted (or failed) model: status {@code converged}, {@code not converged} or {@code failed}. */
    public record ModelSummary(String key, String title, String role, String formula, String method, String scale,
                               String status, int observations, int subjects, double logLik, String messages) {
    }

    /**
     * One estimate: section {@code fixed}, {@code mean} or {@code contrast}. For contrasts {@code pAdjusted} is
     * Dunnett's; otherwise NaN. {@code df} is infinite for z tests.
     */
    public record EstimateRow(String model, String section, String label, double estimate, double se, double df,
                              double statistic, double p, double pAdjusted, double lower, double upper) {
    }

    /** TES of one arm over the treatment weeks (missing screens counted positive). */
    public record TesArmRow(String arm, int n, double mean, double sd, double median, double eotAbstinent) {
    }

    /** Wilcoxon rank-sum of an active arm's TES against placebo; {@code pHolm} is Holm-adjusted. */
    public record TesComparisonRow(String label, double w, double p, double pHolm) {
    }

    public InterimResults {
        models = List.copyOf(models);
        estimates = List.copyOf(estimates);
        tes = List.copyOf(tes);
        tesComparisons = List.copyOf(tesComparisons);
    }

    /** The estimates of one model and section, in order. */
    public List<EstimateRow> estimates(String model, String section) {
        return estimates.stream().filter(e -> e.model().equals(model) && e.section().equals(section)).toList();
    }

    public ModelSummary model(String key) {
        return models.stream().filter(m -> m.key().equals(key)).findFirst()
                .orElseThrow(() -> new AnalysisException("no model " + key + " in these results"));
    }
}
