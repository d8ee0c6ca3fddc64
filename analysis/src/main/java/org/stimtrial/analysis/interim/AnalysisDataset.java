package org.stimtrial.analysis.interim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.snapshot.RecordCsv;
import org.stimtrial.analysis.snapshot.SnapshotRows.CravingRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SubjectRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SubjectVisit;
import org.stimtrial.analysis.snapshot.SnapshotRows.VisitPlanRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.VisitRow;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * The analysis dataset of a snapshot, in long format: one row per randomized participant and scheduled week from
 * week 0 ({@code subject_id, site, [arm,] sex, week, craving, uds_negative, baseline_craving}), the layout of the
 * validation data. A week is present once it was due: its visit was done or missed, its window closed before the
 * cut-off, or the participant's participation ended before it (then the week is missing: NA). {@code craving} is the
 * plan's craving scale; {@code uds_negative} is 1 when every specimen of the week was negative, 0 when any was not,
 * NA without a specimen. {@code baseline_craving} is the week-0 craving. Without arms (a blinded snapshot) the arm
 * column is left out.
 */
public final class AnalysisDataset {
    /** One row of the dataset; NaN for missing. */
    public record Row(String subject, String site, String arm, String sex, int week, double craving,
                      double udsNegative, double baselineCraving) {
    }

    private final List<Row> rows;
    private final boolean withArm;

    private AnalysisDataset(List<Row> rows, boolean withArm) {
        this.rows = List.copyOf(rows);
        this.withArm = withArm;
    }

    public static AnalysisDataset of(TrialSnapshot snapshot, InterimPlan plan) {
        Map<String, VisitPlanRow> byCode = new HashMap<>();
        snapshot.schedule().forEach(v -> byCode.put(v.code(), v));
        Map<String, Map<String, VisitRow>> visits = new HashMap<>();
        for (VisitRow v : snapshot.visits()) {
            visits.computeIfAbsent(v.subject(), k -> new HashMap<>()).put(v.visit(), v);
        }
        Map<SubjectVisit, Double> craving = new HashMap<>();
        for (CravingRow c : snapshot.cravings()) {
            if (c.instrument().equals(plan.cravingInstrument()) && c.scale().equals(plan.cravingScale())) {
                craving.put(new SubjectVisit(c.subject(), c.visit()), c.score());
            }
        }
        Map<SubjectVisit, Boolean> negative = snapshot.negativeVisits();
        List<VisitPlanRow> weeks = snapshot.schedule().stream().filter(v -> v.week().isPresent()
                && v.week().getAsInt() >= 0).toList();
        List<Row> out = new ArrayList<>();
        boolean withArm = snapshot.unblinded();
        for (SubjectRow s : snapshot.subjects()) {
            if (!s.randomized()) {
                continue;
            }
            LocalDate start = s.randomizedOn().orElseThrow();
            Map<String, VisitRow> own = visits.getOrDefault(s.subject(), Map.of());
            String baselineVisit = weeks.stream().filter(v -> v.week().getAsInt() == 0).map(VisitPlanRow::code)
                    .findFirst().orElse("");
            double baseline = craving.getOrDefault(new SubjectVisit(s.subject(), baselineVisit), Double.NaN);
            boolean ended = Set.of("COMPLETED", "WITHDRAWN", "LOST_TO_FOLLOW_UP").contains(s.status());
            for (VisitPlanRow v : weeks) {
                VisitRow visit = own.get(v.code());
                boolean recorded = visit != null && !visit.status().equals("SCHEDULED");
                boolean windowClosed = start.plusDays(v.targetDay() + (long) v.windowAfter())
                        .isBefore(snapshot.cutoff());
                boolean afterEnd = ended && !s.statusDate().isAfter(start.plusDays(v.targetDay()));
                if (!recorded && !windowClosed && !afterEnd) {
                    continue;
                }
                SubjectVisit key = new SubjectVisit(s.subject(), v.code());
                Boolean screened = negative.get(key);
                double uds = screened == null ? Double.NaN : screened ? 1 : 0;
                out.add(new Row(s.subject(), s.site(), s.arm().orElse(""), s.sex(), v.week().getAsInt(),
                        craving.getOrDefault(key, Double.NaN), uds, baseline));
            }
        }
        return new AnalysisDataset(out, withArm);
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean withArm() {
        return withArm;
    }

    /** The rows of weeks {@code first..last} as a data table for the models. */
    public DataTable table(int first, int last) {
        List<Row> kept = rows.stream().filter(r -> r.week() >= first && r.week() <= last).toList();
        int n = kept.size();
        String[] subject = new String[n];
        String[] site = new String[n];
        String[] arm = new String[n];
        String[] sex = new String[n];
        String[] fweek = new String[n];
        double[] week = new double[n];
        double[] craving = new double[n];
        double[] uds = new double[n];
        double[] baseline = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = kept.get(i);
            subject[i] = r.subject();
            site[i] = r.site();
            arm[i] = r.arm();
            sex[i] = r.sex();
            week[i] = r.week();
            fweek[i] = Integer.toString(r.week());
            craving[i] = r.craving();
            uds[i] = r.udsNegative();
            baseline[i] = r.baselineCraving();
        }
        DataTable.Builder b = DataTable.builder().text("subject_id", subject).text("site", site);
        if (withArm) {
            b.text("arm", arm);
        }
        return b.text("sex", sex).numeric("week", week).text("fweek", fweek).numeric("craving", craving)
                .numeric("uds_negative", uds).numeric("baseline_craving", baseline).build();
    }

    /** The participants with every week {@code first..last} present: the TES population. */
    public Set<String> completeFollowUp(int first, int last) {
        Map<String, Set<Integer>> weeks = new HashMap<>();
        rows.forEach(r -> weeks.computeIfAbsent(r.subject(), k -> new HashSet<>()).add(r.week()));
        Set<String> out = new HashSet<>();
        weeks.forEach((s, w) -> {
            boolean all = true;
            for (int k = first; k <= last; k++) {
                all &= w.contains(k);
            }
            if (all) {
                out.add(s);
            }
        });
        return out;
    }

    /** Writes the analysis-ready CSV (NA for missing; RFC 4180 quotes where a field needs them). */
    public void writeCsv(Writer out) {
        try {
            out.write(withArm ? "subject_id,site,arm,sex,week,craving,uds_negative,baseline_craving\n"
                    : "subject_id,site,sex,week,craving,uds_negative,baseline_craving\n");
            for (Row r : rows) {
                List<String> fields = new ArrayList<>(8);
                fields.add(r.subject());
                fields.add(r.site());
                if (withArm) {
                    fields.add(r.arm());
                }
                fields.addAll(List.of(r.sex(), Integer.toString(r.week()), number(r.craving()),
                        number(r.udsNegative()), number(r.baselineCraving())));
                out.write(RecordCsv.join(fields));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
