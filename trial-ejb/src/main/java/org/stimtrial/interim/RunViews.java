package org.stimtrial.interim;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.report.ReportTables;
import org.stimtrial.analysis.report.Table;
import org.stimtrial.analysis.sequential.Boundary;

/**
 * What the API shows of a run. Unblinded viewers get the estimates, TES and contrasts by arm; blinded viewers get
 * the run's state, the model statuses and pooled, arm-free summaries only. Non-finite numbers are null.
 */
public final class RunViews {
    private RunViews() {
    }

    /** A run. {@code results} is present once completed; its by-arm parts are empty for blinded viewers. */
    public record RunView(long id, String study, LocalDate cutoff, RunStatus status, String requestedBy,
                          OffsetDateTime requestedAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                          Long rerunOf, String snapshotHash, String resultsHash, String engineVersion, String failure,
                          Progress progress, Monitoring monitoring, ResultsView results) {
    }

    /** Step {@code done} of {@code total}, and what is being done. */
    public record Progress(int done, int total, String step) {
    }

    /** The group-sequential plan and its boundaries. */
    public record Monitoring(String spending, double alpha, int sides, List<Double> fractions,
                             List<BoundaryView> boundaries) {
    }

    public record BoundaryView(int look, double informationFraction, double z, double nominalP,
                               double cumulativeAlpha) {
    }

    /** Results: by arm ({@code byArm} true) or pooled only. */
    public record ResultsView(boolean byArm, int randomized, List<ModelView> models, List<EstimateView> estimates,
                              List<TesView> tes, List<TesComparisonView> tesComparisons,
                              List<WeekView> pooledByWeek) {
    }

    public record ModelView(String key, String title, String role, String formula, String method, String scale,
                            String status, int observations, int subjects, String messages) {
    }

    public record EstimateView(String model, String section, String label, Double estimate, Double se, Double df,
                               Double statistic, Double p, Double pAdjusted, Double lower, Double upper) {
    }

    public record TesView(String arm, int n, Double mean, Double sd, Double median, Double eotAbstinent) {
    }

    public record TesComparisonView(String label, Double w, Double p, Double pHolm) {
    }

    /** Pooled over arms: urine screens and mean craving VAS of one week. */
    public record WeekView(int week, int screened, int negative, Double negativeShare, Double meanCraving,
                           int cravingN) {
    }

    static RunView of(AnalysisRun run, boolean unblinded) {
        MonitoringPlan plan = run.plan();
        List<BoundaryView> bounds = new ArrayList<>();
        for (Boundary b : run.boundaries().looks()) {
            bounds.add(new BoundaryView(b.look(), b.informationFraction(), b.z(), b.nominalP(),
                    b.cumulativeAlpha()));
        }
        ResultsView results = run.results().map(r -> results(run, r, unblinded)).orElse(null);
        return new RunView(run.id(), run.study().protocolCode(), run.cutoff(), run.status(), run.requestedBy(),
                run.requestedAt(), run.startedAt().orElse(null), run.finishedAt().orElse(null),
                run.rerunOf().orElse(null), run.snapshotHash(), run.resultsHash().orElse(null),
                run.engineVersion().orElse(null), run.failure().orElse(null),
                new Progress(run.progressDone(), run.progressTotal(), run.progressStep()),
                new Monitoring(plan.spending(), plan.alpha(), plan.sides(), plan.fractions(), bounds), results);
    }

    private static ResultsView results(AnalysisRun run, InterimResults r, boolean unblinded) {
        List<ModelView> models = r.models().stream().map(m -> new ModelView(m.key(), m.title(), m.role(),
                m.formula(), m.method(), m.scale(), m.status(), m.observations(), m.subjects(),
                unblinded ? m.messages() : "")).toList();
        List<EstimateView> estimates = unblinded ? r.estimates().stream().map(e -> new EstimateView(e.model(),
                e.section(), e.label(), n(e.estimate()), n(e.se()), n(e.df()), n(e.statistic()), n(e.p()),
                n(e.pAdjusted()), n(e.lower()), n(e.upper()))).toList() : List.of();
        List<TesView> tes = unblinded ? r.tes().stream().map(t -> new TesView(t.arm(), t.n(), n(t.mean()),
                n(t.sd()), n(t.median()), n(t.eotAbstinent()))).toList() : List.of();
        List<TesComparisonView> comparisons = unblinded ? r.tesComparisons().stream().map(c ->
                new TesComparisonView(c.label(), n(c.w()), n(c.p()), n(c.pHolm()))).toList() : List.of();
        return new ResultsView(unblinded, r.randomized(), models, estimates, tes, comparisons,
                pooledByWeek(run));
    }

    /** Pooled weekly summaries from the blinded copy of the snapshot. */
    private static List<WeekView> pooledByWeek(AnalysisRun run) {
        ReportTables pooled = ReportTables.pooled(run.snapshot());
        Table uds = pooled.urineNegativityByWeek();
        Table craving = pooled.cravingByWeek();
        List<WeekView> out = new ArrayList<>();
        for (List<Object> u : uds.rows()) {
            int week = (Integer) u.get(0);
            Optional<List<Object>> c = craving.rows().stream().filter(r -> r.get(0).equals(week)).findFirst();
            out.add(new WeekView(week, (Integer) u.get(1), (Integer) u.get(2), n((Double) u.get(3)),
                    c.map(r -> n((Double) r.get(1))).orElse(null), c.map(r -> (Integer) r.get(2)).orElse(0)));
        }
        return out;
    }

    private static Double n(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
