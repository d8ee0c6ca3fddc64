package org.stimtrial.analysis.interim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.Column;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.endpoint.TreatmentEffectiveness;
import org.stimtrial.analysis.gee.Gee;
import org.stimtrial.analysis.gee.GeeFit;
import org.stimtrial.analysis.gee.WorkingCorrelation;
import org.stimtrial.analysis.glmm.BinomialGlmm;
import org.stimtrial.analysis.glmm.GlmmFit;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.inference.Multiplicity;
import org.stimtrial.analysis.interim.InterimResults.EstimateRow;
import org.stimtrial.analysis.interim.InterimResults.ModelSummary;
import org.stimtrial.analysis.interim.InterimResults.TesArmRow;
import org.stimtrial.analysis.interim.InterimResults.TesComparisonRow;
import org.stimtrial.analysis.lmm.Convergence;
import org.stimtrial.analysis.lmm.Lmm;
import org.stimtrial.analysis.lmm.LmmFit;
import org.stimtrial.analysis.mmrm.CovarianceStructure;
import org.stimtrial.analysis.mmrm.Mmrm;
import org.stimtrial.analysis.mmrm.MmrmFit;
import org.stimtrial.analysis.model.FactorLevels;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.snapshot.SnapshotCodec;
import org.stimtrial.analysis.snapshot.SnapshotRows.ArmRow;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * Runs the prespecified models on a snapshot, in the validated R forms (docs/analysis.md):
 * <ol>
 * <li>primary: {@code glmer(uds_negative ~ arm*week + (1|subject_id), binomial)};</li>
 * <li>sensitivity: {@code geeglm(uds_negative ~ arm*week, id=subject_id, binomial, corstr="exchangeable")};</li>
 * <li>secondary: {@code gls(craving ~ arm*fweek + baseline_craving)} with unstructured covariance over the weeks
 * (MMRM, REML; df as emmeans gives for gls, N - p - covariance parameters);</li>
 * <li>secondary: {@code lmer(craving ~ arm*week + baseline_craving + site + (1+week|subject_id))} (REML,
 * Satterthwaite df);</li>
 * <li>TES over the treatment weeks with missing screens positive, Wilcoxon of each arm against placebo.</li>
 * </ol>
 * Each active arm is compared with placebo at the last treatment week, with Dunnett's adjustment. A model that
 * cannot be fitted (too few participants at an early look) is reported as failed with its reason; the others
 * still run. The same snapshot always gives the same results.
 */
public final class InterimAnalysis {
    private static final int STEPS = 5;
    private final InterimPlan plan;

    private InterimAnalysis(InterimPlan plan) {
        this.plan = plan;
    }

    public static InterimAnalysis of(InterimPlan plan) {
        return new InterimAnalysis(plan);
    }

    public InterimResults run(TrialSnapshot snapshot, ProgressListener progress) {
        if (!snapshot.unblinded()) {
            throw new AnalysisException("the models compare arms: run them on the unblinded snapshot; blinded users"
                    + " get the pooled view of the results");
        }
        String placebo = snapshot.placebo().code();
        AnalysisDataset dataset = AnalysisDataset.of(snapshot, plan);
        DataTable data = dataset.table(plan.firstWeek(), plan.lastWeek());
        List<String> arms = armLevels(snapshot, data, placebo);
        FactorLevels levels = FactorLevels.defaults().withLevels("arm", arms)
                .withLevels("site", sorted(data, "site"))
                .withLevels("fweek", weekLevels());
        Map<String, String> atLastWeek = Map.of("week", Integer.toString(plan.lastWeek()));
        List<ModelSummary> models = new ArrayList<>();
        List<EstimateRow> estimates = new ArrayList<>();

        progress.step(0, STEPS, "logistic mixed model of weekly urine-screen negativity");
        fitted(models, estimates, InterimResults.GLMM, "Weekly urine-screen negativity, logistic mixed model",
                "primary", "uds_negative ~ arm*week + (1 | subject_id)", "log odds", () -> {
                    DataTable uds = complete(data, "uds_negative");
                    ModelFrame frame = ModelFrame.of(uds, Formula.parse("uds_negative ~ arm*week + (1 | subject_id)"),
                            levels);
                    GlmmFit fit = (plan.glmmQuadraturePoints() == 1 ? BinomialGlmm.laplace()
                            : BinomialGlmm.adaptiveGaussHermite(plan.glmmQuadraturePoints())).fit(frame);
                    String method = plan.glmmQuadraturePoints() == 1 ? "Laplace (lme4 glmer nAGQ=1)"
                            : "adaptive Gauss-Hermite, " + plan.glmmQuadraturePoints() + " points";
                    return new Fit(method, fit.nobs(), fit.ngroups(), fit.logLik(), fit.convergence(), fit.names(),
                            fit.beta(), fit.vcov(), l -> Double.POSITIVE_INFINITY, frame, atLastWeek);
                });

        progress.step(1, STEPS, "GEE of weekly urine-screen negativity");
        fitted(models, estimates, InterimResults.GEE, "Weekly urine-screen negativity, GEE (exchangeable)",
                "sensitivity", "uds_negative ~ arm*week", "log odds", () -> {
                    DataTable uds = complete(data, "uds_negative");
                    ModelFrame frame = ModelFrame.of(uds, Formula.parse("uds_negative ~ arm*week"), levels);
                    GeeFit fit = Gee.with(WorkingCorrelation.EXCHANGEABLE).fit(frame, uds, "subject_id");
                    Convergence c = new Convergence(fit.iterations(), 0, false, fit.converged(),
                            fit.converged() ? "converged" : "iteration limit", List.of());
                    return new Fit("geepack geeglm, robust (sandwich) SE", fit.nobs(), fit.clusters(), Double.NaN,
                            c, fit.names(), fit.beta(), fit.robustVcov(), l -> Double.POSITIVE_INFINITY, frame,
                            atLastWeek);
                });

        progress.step(2, STEPS, "MMRM of craving");
        fitted(models, estimates, InterimResults.MMRM, "Craving VAS, MMRM (unstructured)", "secondary",
                "craving ~ arm*fweek + baseline_craving", "difference", () -> {
                    DataTable vas = complete(complete(data, "craving"), "baseline_craving");
                    ModelFrame frame = ModelFrame.of(vas, Formula.parse("craving ~ arm*fweek + baseline_craving"),
                            levels, List.of("subject_id", "fweek"));
                    MmrmFit fit = Mmrm.of(CovarianceStructure.UNSTRUCTURED, true).fit(frame, "subject_id", "fweek");
                    int df = fit.emmeansDf();
                    return new Fit("REML, unstructured covariance over weeks; df as emmeans for nlme::gls"
                            + " (N - p - covariance parameters)", fit.nobs(), fit.subjects(), fit.logLik(),
                            fit.convergence(), fit.names(), fit.beta(), fit.vcov(), l -> df, frame,
                            Map.of("fweek", Integer.toString(plan.lastWeek())));
                });

        progress.step(3, STEPS, "LMM of craving with random intercept and slope");
        fitted(models, estimates, InterimResults.LMM, "Craving VAS, LMM (random intercept and slope)", "secondary",
                "craving ~ arm*week + baseline_craving + site + (1 + week | subject_id)", "difference", () -> {
                    DataTable vas = complete(complete(data, "craving"), "baseline_craving");
                    ModelFrame frame = ModelFrame.of(vas, Formula.parse(
                            "craving ~ arm*week + baseline_craving + site + (1 + week | subject_id)"), levels);
                    LmmFit fit = Lmm.reml().fit(frame);
                    return new Fit("REML (lme4 lmer), Satterthwaite df (lmerTest)", fit.nobs(), fit.ngroups(),
                            fit.logLik(), fit.convergence(), fit.names(), fit.beta(), fit.vcov(),
                            fit.satterthwaite()::df, frame, atLastWeek);
                });

        progress.step(4, STEPS, "treatment effectiveness score");
        List<TesArmRow> tes = new ArrayList<>();
        List<TesComparisonRow> comparisons = new ArrayList<>();
        Set<String> population = dataset.completeFollowUp(plan.firstWeek(), plan.lastWeek());
        DataTable tesData = data.filter(r -> population.contains(text(data, "subject_id").get(r)));
        if (tesData.rows() > 0) {
            List<String> tesArms = armLevels(snapshot, tesData, placebo);
            TreatmentEffectiveness.Result r = TreatmentEffectiveness.compute(tesData, "subject_id", "arm", "week",
                    "uds_negative", plan.firstWeek(), plan.lastWeek(), placebo, tesArms.subList(1, tesArms.size()));
            r.arms().forEach(a -> tes.add(new TesArmRow(a.arm(), a.n(), a.mean(), a.sd(), a.median(),
                    a.eotAbstinentFraction())));
            double[] p = r.versusReference().stream().mapToDouble(c -> c.wilcoxon().p()).toArray();
            double[] holm = Multiplicity.holm(p);
            for (int i = 0; i < p.length; i++) {
                TreatmentEffectiveness.Comparison c = r.versusReference().get(i);
                comparisons.add(new TesComparisonRow(c.label(), c.wilcoxon().statistic(), p[i], holm[i]));
            }
        }
        int randomized = (int) snapshot.subjects().stream().filter(s -> s.randomized()).count();
        return new InterimResults(EngineVersion.current(), SnapshotCodec.hash(snapshot), snapshot.cutoff(),
                randomized, models, estimates, tes, comparisons);
    }

    /** What every model hands back for the common reporting. */
    private record Fit(String method, int observations, int subjects, double logLik, Convergence convergence,
                       List<String> names, double[] beta, double[] vcov, ToDoubleFunction<double[]> df,
                       ModelFrame frame, Map<String, String> at) {
    }

    private void fitted(List<ModelSummary> models, List<EstimateRow> estimates, String key, String title,
                        String role, String formula, String scale, Supplier<Fit> fitting) {
        Fit fit;
        try {
            fit = fitting.get();
        } catch (AnalysisException | ArithmeticException | IllegalArgumentException e) {
            models.add(new ModelSummary(key, title, role, formula, "", scale, "failed", 0, 0, Double.NaN,
                    String.valueOf(e.getMessage())));
            return;
        }
        Convergence c = fit.convergence();
        models.add(new ModelSummary(key, title, role, formula, fit.method(), scale,
                c.converged() ? "converged" : "not converged", fit.observations(), fit.subjects(), fit.logLik(),
                String.join("; ", c.warnings())));
        int p = fit.names().size();
        for (int j = 0; j < p; j++) {
            double[] l = new double[p];
            l[j] = 1;
            estimates.add(row(key, "fixed", Contrast.of(fit.names().get(j), l, fit.beta(), fit.vcov(),
                    fit.df().applyAsDouble(l)), Double.NaN));
        }
        Emmeans.Result em = Emmeans.of(fit.frame(), fit.beta(), fit.vcov(), fit.df(), "arm", fit.at());
        em.means().forEach(m -> estimates.add(row(key, "mean", m, Double.NaN)));
        double[] adjusted = em.contrasts().isEmpty() ? new double[0] : em.dunnett().adjusted();
        for (int i = 0; i < em.contrasts().size(); i++) {
            estimates.add(row(key, "contrast", em.contrasts().get(i), adjusted[i]));
        }
    }

    private static EstimateRow row(String model, String section, Contrast c, double adjusted) {
        return new EstimateRow(model, section, c.label(), c.estimate(), c.se(), c.df(), c.statistic(), c.p(),
                adjusted, c.lower(), c.upper());
    }

    /** Placebo first, then the other arms with data in the snapshot's arm order (R's relevel). */
    private static List<String> armLevels(TrialSnapshot snapshot, DataTable data, String placebo) {
        Set<String> present = new TreeSet<>(sorted(data, "arm"));
        if (!present.contains(placebo)) {
            throw new AnalysisException("no randomized participant on placebo (" + placebo + ") has data yet");
        }
        List<String> levels = new ArrayList<>();
        levels.add(placebo);
        snapshot.arms().stream().map(ArmRow::code).filter(a -> !a.equals(placebo) && present.contains(a))
                .forEach(levels::add);
        return levels;
    }

    private List<String> weekLevels() {
        List<String> weeks = new ArrayList<>();
        for (int w = plan.firstWeek(); w <= plan.lastWeek(); w++) {
            weeks.add(Integer.toString(w));
        }
        return weeks;
    }

    private static List<String> sorted(DataTable data, String column) {
        Column.Text t = text(data, column);
        TreeSet<String> values = new TreeSet<>();
        for (int r = 0; r < data.rows(); r++) {
            values.add(t.get(r));
        }
        return List.copyOf(values);
    }

    private static Column.Text text(DataTable data, String column) {
        return (Column.Text) data.column(column);
    }

    private static DataTable complete(DataTable data, String column) {
        double[] v = data.numeric(column).values();
        return data.filter(r -> !Double.isNaN(v[r]));
    }
}
