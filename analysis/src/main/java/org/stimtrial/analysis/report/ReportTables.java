package org.stimtrial.analysis.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.stimtrial.analysis.snapshot.SnapshotRows.AdverseEventRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.ArmRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.CravingRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SiteRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SubjectRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SubjectVisit;
import org.stimtrial.analysis.snapshot.SnapshotRows.VisitPlanRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.VisitRow;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * The report tables of a snapshot, pooled (one "All" column: the sponsor report) or by arm (a column per arm, then
 * "All": the DSMB report). Pooled tables never read an arm, so a blinded snapshot gives exactly the same pooled
 * tables as the unblinded one.
 */
public final class ReportTables {
    static final String ALL = "All";
    private static final Set<String> ON_STUDY_ENDS = Set.of("COMPLETED", "WITHDRAWN", "LOST_TO_FOLLOW_UP");

    private final TrialSnapshot snapshot;
    private final boolean byArm;
    private final Map<String, SubjectRow> subjects = new HashMap<>();
    private final Map<String, Map<String, VisitRow>> visits = new HashMap<>();
    private final List<SubjectRow> randomized;
    private final Map<SubjectVisit, Boolean> negativeVisits;

    private ReportTables(TrialSnapshot snapshot, boolean byArm) {
        this.snapshot = snapshot;
        this.byArm = byArm;
        this.randomized = snapshot.subjects().stream().filter(SubjectRow::randomized).toList();
        this.negativeVisits = snapshot.negativeVisits();
        snapshot.subjects().forEach(s -> subjects.put(s.subject(), s));
        snapshot.visits().forEach(v -> visits.computeIfAbsent(v.subject(), k -> new HashMap<>()).put(v.visit(), v));
    }

    /** Pooled tables: no arm is read, whatever the snapshot holds. */
    public static ReportTables pooled(TrialSnapshot snapshot) {
        return new ReportTables(snapshot.withoutArms(), false);
    }

    /** Tables with a column per arm; needs the unblinded snapshot. */
    public static ReportTables byArm(TrialSnapshot snapshot) {
        if (!snapshot.unblinded()) {
            throw new IllegalArgumentException("tables by arm need the unblinded snapshot");
        }
        return new ReportTables(snapshot, true);
    }

    /** The group columns: each arm's name then All, or All alone. */
    List<String> groups() {
        List<String> g = new ArrayList<>();
        if (byArm) {
            snapshot.arms().forEach(a -> g.add(a.name()));
        }
        g.add(ALL);
        return g;
    }

    /** Whether a participant belongs to group column {@code g}. */
    private boolean inGroup(SubjectRow s, int g) {
        if (!byArm || g == snapshot.arms().size()) {
            return true;
        }
        ArmRow arm = snapshot.arms().get(g);
        return s.arm().map(arm.code()::equals).orElse(false);
    }

    /** Participants randomized per month, a column per site, with the total and the cumulative total. */
    public Table enrollmentBySiteAndMonth() {
        List<SiteRow> sites = snapshot.sites();
        TreeMap<YearMonth, int[]> months = new TreeMap<>();
        for (SubjectRow s : randomized) {
            YearMonth m = YearMonth.from(s.randomizedOn().orElseThrow());
            int[] counts = months.computeIfAbsent(m, k -> new int[sites.size()]);
            for (int i = 0; i < sites.size(); i++) {
                if (sites.get(i).code().equals(s.site())) {
                    counts[i]++;
                }
            }
        }
        fillMonths(months, sites.size());
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.text("Month"));
        sites.forEach(site -> columns.add(Table.integer(site.code())));
        columns.add(Table.integer("Total"));
        columns.add(Table.integer("Cumulative"));
        List<List<Object>> rows = new ArrayList<>();
        int cumulative = 0;
        for (Map.Entry<YearMonth, int[]> e : months.entrySet()) {
            List<Object> row = new ArrayList<>();
            row.add(e.getKey().toString());
            int total = 0;
            for (int c : e.getValue()) {
                row.add(c);
                total += c;
            }
            cumulative += total;
            row.add(total);
            row.add(cumulative);
            rows.add(row);
        }
        return new Table("Enrollment (randomized) by site and month", columns, rows);
    }

    /** Cumulative participants randomized per site by month (from {@link #enrollmentBySiteAndMonth}): the chart. */
    public Table cumulativeEnrollmentBySite(Table monthly) {
        int sites = snapshot.sites().size();
        List<List<Object>> rows = new ArrayList<>();
        int[] running = new int[sites];
        for (List<Object> r : monthly.rows()) {
            List<Object> row = new ArrayList<>();
            row.add(r.get(0));
            for (int i = 0; i < sites; i++) {
                running[i] += (Integer) r.get(i + 1);
                row.add(running[i]);
            }
            rows.add(row);
        }
        return new Table("Cumulative enrollment by site", monthly.columns().subList(0, sites + 1), rows);
    }

    private static void fillMonths(TreeMap<YearMonth, int[]> months, int width) {
        if (months.isEmpty()) {
            return;
        }
        for (YearMonth m = months.firstKey(); m.isBefore(months.lastKey()); m = m.plusMonths(1)) {
            months.putIfAbsent(m, new int[width]);
        }
    }

    /** Screening and disposition counts (CONSORT flow). Screening counts are pooled in every report. */
    public Table consortFlow() {
        List<String> groups = groups();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.text("Stage"));
        groups.forEach(g -> columns.add(Table.integer(g)));
        List<List<Object>> rows = new ArrayList<>();
        long screened = snapshot.subjects().size();
        rows.add(pooledRow("Screened", screened, groups.size()));
        rows.add(pooledRow("Screen failed", count(s -> s.status().equals("SCREEN_FAILED")), groups.size()));
        rows.add(pooledRow("Screening ongoing or eligible, not randomized",
                count(s -> s.status().equals("SCREENED") || s.status().equals("ELIGIBLE")), groups.size()));
        rows.add(groupRow("Randomized", s -> s.randomized()));
        rows.add(groupRow("On treatment / follow-up", s -> s.status().equals("RANDOMIZED")));
        rows.add(groupRow("Completed", s -> s.status().equals("COMPLETED")));
        rows.add(groupRow("Withdrawn", s -> s.status().equals("WITHDRAWN")));
        rows.add(groupRow("Lost to follow-up", s -> s.status().equals("LOST_TO_FOLLOW_UP")));
        return new Table("Screening and disposition (CONSORT flow)", columns, rows);
    }

    private long count(Predicate<SubjectRow> p) {
        return snapshot.subjects().stream().filter(p).count();
    }

    private List<Object> pooledRow(String label, long value, int groups) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        for (int g = 0; g < groups - 1; g++) {
            row.add("");
        }
        row.add((int) value);
        return row;
    }

    private List<Object> groupRow(String label, Predicate<SubjectRow> p) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        for (int g = 0; g < groups().size(); g++) {
            int group = g;
            row.add((int) snapshot.subjects().stream().filter(s -> inGroup(s, group) && p.test(s)).count());
        }
        return row;
    }

    /** Baseline characteristics of the randomized participants. */
    public Table baselineCharacteristics() {
        Map<String, Double> baselineVas = new HashMap<>();
        String baselineVisit = snapshot.schedule().stream().filter(v -> v.week().isPresent()
                && v.week().getAsInt() == 0).map(VisitPlanRow::code).findFirst().orElse("");
        for (CravingRow c : snapshot.cravings()) {
            if (c.visit().equals(baselineVisit) && c.instrument().equals("VAS")) {
                baselineVas.put(c.subject(), c.score());
            }
        }
        List<String> groups = groups();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.text("Characteristic"));
        columns.add(Table.text("Statistic"));
        groups.forEach(g -> columns.add(Table.decimal(g)));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(statRow("Participants randomized", "n", g -> stats(g, s -> 1.0)[0]));
        rows.add(statRow("Age at consent (years)", "mean", g -> stats(g, s -> (double) s.ageAtConsent())[1]));
        rows.add(statRow("Age at consent (years)", "SD", g -> stats(g, s -> (double) s.ageAtConsent())[2]));
        rows.add(statRow("Female", "n", g -> stats(g, s -> s.sex().equals("F")
                ? 1.0 : Double.NaN)[0]));
        rows.add(statRow("Female", "%", g -> share(g, s -> s.sex().equals("F"))));
        rows.add(statRow("Craving VAS at baseline (0-100)", "n", g -> stats(g, s -> baselineVas.getOrDefault(
                s.subject(), Double.NaN))[0]));
        rows.add(statRow("Craving VAS at baseline (0-100)", "mean", g -> stats(g, s -> baselineVas.getOrDefault(
                s.subject(), Double.NaN))[1]));
        rows.add(statRow("Craving VAS at baseline (0-100)", "SD", g -> stats(g, s -> baselineVas.getOrDefault(
                s.subject(), Double.NaN))[2]));
        rows.add(statRow("Urine screen negative at baseline", "%", g -> {
            double[] st = stats(g, s -> {
                Boolean negative = negativeVisits.get(new SubjectVisit(s.subject(), baselineVisit));
                return negative == null ? Double.NaN : negative ? 1.0 : 0.0;
            });
            return st[1] * 100;
        }));
        return new Table("Baseline characteristics (randomized participants)", columns, rows);
    }

    private List<Object> statRow(String label, String statistic, java.util.function.IntToDoubleFunction value) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        row.add(statistic);
        for (int g = 0; g < groups().size(); g++) {
            row.add(value.applyAsDouble(g));
        }
        return row;
    }

    /** n, mean and SD of a value over the randomized participants of a group (NaN values skipped). */
    private double[] stats(int group, java.util.function.ToDoubleFunction<SubjectRow> value) {
        double n = 0;
        double sum = 0;
        double sumSq = 0;
        for (SubjectRow s : randomized) {
            double v = value.applyAsDouble(s);
            if (inGroup(s, group) && !Double.isNaN(v)) {
                n++;
                sum += v;
                sumSq += v * v;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double sd = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
        return new double[] {n, mean, sd};
    }

    private double share(int group, Predicate<SubjectRow> p) {
        long n = randomized.stream().filter(s -> inGroup(s, group)).count();
        long k = randomized.stream().filter(s -> inGroup(s, group) && p.test(s)).count();
        return n == 0 ? Double.NaN : 100.0 * k / n;
    }

    /**
     * Per scheduled visit after randomization: visits due by the cut-off (window closed, or recorded), done,
     * missed, overdue (due, on study, nothing recorded), the completion rate, and participants still on study
     * at the visit's target day (retention).
     */
    public Table visitCompletionAndRetention() {
        List<String> groups = groups();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.text("Visit"));
        columns.add(Table.integer("Week"));
        for (String g : groups) {
            String suffix = byArm ? " (" + g + ")" : "";
            columns.add(Table.integer("Due" + suffix));
            columns.add(Table.integer("Done" + suffix));
            columns.add(Table.integer("Missed" + suffix));
            columns.add(Table.percent("Completion" + suffix));
            columns.add(Table.percent("Retention" + suffix));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (VisitPlanRow v : snapshot.schedule()) {
            if (v.week().isEmpty() || v.week().getAsInt() < 0) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(v.name());
            row.add(v.week().getAsInt());
            for (int g = 0; g < groups.size(); g++) {
                int due = 0;
                int done = 0;
                int missed = 0;
                int reached = 0;
                int retained = 0;
                for (SubjectRow s : randomized) {
                    if (!inGroup(s, g)) {
                        continue;
                    }
                    LocalDate target = s.randomizedOn().orElseThrow().plusDays(v.targetDay());
                    Optional<VisitRow> visit = Optional.ofNullable(visits.getOrDefault(s.subject(), Map.of())
                            .get(v.code()));
                    String status = visit.map(VisitRow::status).orElse("SCHEDULED");
                    boolean windowClosed = target.plusDays(v.windowAfter()).isBefore(snapshot.cutoff());
                    if (!target.isAfter(snapshot.cutoff())) {
                        reached++;
                        boolean left = ON_STUDY_ENDS.contains(s.status()) && !s.status().equals("COMPLETED")
                                && s.statusDate().isBefore(target);
                        retained += left ? 0 : 1;
                    }
                    if (windowClosed || !status.equals("SCHEDULED")) {
                        due++;
                        done += status.equals("DONE") ? 1 : 0;
                        missed += status.equals("DONE") ? 0 : 1;
                    }
                }
                row.add(due);
                row.add(done);
                row.add(missed);
                row.add(due == 0 ? Double.NaN : (double) done / due);
                row.add(reached == 0 ? Double.NaN : (double) retained / reached);
            }
            rows.add(row);
        }
        return new Table("Visit completion and retention by week", columns, rows);
    }

    /** Per site: open and answered queries, overdue visits, quarantined import records. */
    public Table dataQualityBySite() {
        List<Table.Column> columns = List.of(Table.text("Site"), Table.integer("Open queries"),
                Table.integer("Answered queries"), Table.integer("Overdue visits"),
                Table.integer("Quarantined import records"));
        List<List<Object>> rows = new ArrayList<>();
        int[] total = new int[4];
        for (SiteRow site : snapshot.sites()) {
            int open = (int) snapshot.queries().stream().filter(q -> q.status().equals("OPEN")
                    && siteOf(q.subject()).equals(site.code())).count();
            int answered = (int) snapshot.queries().stream().filter(q -> q.status().equals("ANSWERED")
                    && siteOf(q.subject()).equals(site.code())).count();
            int overdue = overdueVisits(site.code());
            int quarantined = (int) snapshot.quarantine().stream().filter(q -> q.site().equals(site.code())).count();
            rows.add(List.of(site.code() + " " + site.name(), open, answered, overdue, quarantined));
            total[0] += open;
            total[1] += answered;
            total[2] += overdue;
            total[3] += quarantined;
        }
        int unattributed = (int) snapshot.quarantine().stream().filter(q -> snapshot.sites().stream()
                .noneMatch(s -> s.code().equals(q.site()))).count();
        if (unattributed > 0) {
            rows.add(List.of("Unknown site (sender not recognised)", 0, 0, 0, unattributed));
            total[3] += unattributed;
        }
        rows.add(List.of(ALL, total[0], total[1], total[2], total[3]));
        return new Table("Data quality by site", columns, rows);
    }

    private String siteOf(String subject) {
        SubjectRow s = subjects.get(subject);
        return s == null ? "" : s.site();
    }

    private int overdueVisits(String site) {
        int overdue = 0;
        for (SubjectRow s : randomized) {
            if (!s.site().equals(site) || !s.status().equals("RANDOMIZED")) {
                continue;
            }
            for (VisitPlanRow v : snapshot.schedule()) {
                if (v.week().isEmpty() || v.week().getAsInt() < 0) {
                    continue;
                }
                LocalDate closes = s.randomizedOn().orElseThrow().plusDays(v.targetDay() + (long) v.windowAfter());
                VisitRow visit = visits.getOrDefault(s.subject(), Map.of()).get(v.code());
                if (closes.isBefore(snapshot.cutoff()) && (visit == null || visit.status().equals("SCHEDULED"))) {
                    overdue++;
                }
            }
        }
        return overdue;
    }

    /** Adverse events by severity grade and seriousness: events, and participants with at least one. */
    public Table adverseEventsBySeverity() {
        List<String> groups = groups();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.text("Severity (CTCAE grade)"));
        for (String g : groups) {
            String suffix = byArm ? " (" + g + ")" : "";
            columns.add(Table.integer("Non-serious events" + suffix));
            columns.add(Table.integer("Serious events" + suffix));
            columns.add(Table.integer("Participants" + suffix));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int grade = 1; grade <= 6; grade++) {
            int level = grade;
            List<Object> row = new ArrayList<>();
            row.add(grade <= 5 ? "Grade " + grade : ALL);
            for (int g = 0; g < groups.size(); g++) {
                int group = g;
                List<AdverseEventRow> events = snapshot.adverseEvents().stream().filter(a -> (level == 6
                        || a.severity() == level) && subjects.containsKey(a.subject())
                        && inGroup(subjects.get(a.subject()), group)).toList();
                row.add((int) events.stream().filter(a -> !a.serious()).count());
                row.add((int) events.stream().filter(AdverseEventRow::serious).count());
                row.add((int) events.stream().map(AdverseEventRow::subject).distinct().count());
            }
            rows.add(row);
        }
        return new Table("Adverse events by severity and seriousness", columns, rows);
    }

    /** Urine-screen negativity per treatment week: participants with a screen, negative weeks, the share. */
    public Table urineNegativityByWeek() {
        List<String> groups = groups();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.integer("Week"));
        for (String g : groups) {
            String suffix = byArm ? " (" + g + ")" : "";
            columns.add(Table.integer("Screened" + suffix));
            columns.add(Table.integer("Negative" + suffix));
            columns.add(Table.percent("Negative share" + suffix));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (VisitPlanRow v : snapshot.schedule()) {
            if (v.week().isEmpty() || v.week().getAsInt() < 1) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(v.week().getAsInt());
            for (int g = 0; g < groups.size(); g++) {
                int screened = 0;
                int negative = 0;
                for (SubjectRow s : randomized) {
                    Boolean visitNegative = negativeVisits.get(new SubjectVisit(s.subject(), v.code()));
                    if (visitNegative != null && inGroup(s, g)) {
                        screened++;
                        negative += visitNegative ? 1 : 0;
                    }
                }
                row.add(screened);
                row.add(negative);
                row.add(screened == 0 ? Double.NaN : (double) negative / screened);
            }
            rows.add(row);
        }
        return new Table("Urine-screen negativity by week", columns, rows);
    }

    /** Mean craving VAS per week (a column per group): the series of the trajectory chart. */
    public Table cravingByWeek() {
        Map<SubjectVisit, Double> vas = new HashMap<>();
        snapshot.cravings().stream().filter(c -> c.instrument().equals("VAS"))
                .forEach(c -> vas.put(new SubjectVisit(c.subject(), c.visit()), c.score()));
        List<String> groups = groups();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.integer("Week"));
        groups.forEach(g -> columns.add(Table.decimal(g)));
        groups.forEach(g -> columns.add(Table.integer("n " + g)));
        List<List<Object>> rows = new ArrayList<>();
        for (VisitPlanRow v : snapshot.schedule()) {
            if (v.week().isEmpty() || v.week().getAsInt() < 0) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(v.week().getAsInt());
            List<Object> counts = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                double sum = 0;
                int n = 0;
                for (SubjectRow s : randomized) {
                    Double value = vas.get(new SubjectVisit(s.subject(), v.code()));
                    if (value != null && inGroup(s, g)) {
                        sum += value;
                        n++;
                    }
                }
                row.add(n == 0 ? Double.NaN : sum / n);
                counts.add(n);
            }
            row.addAll(counts);
            rows.add(row);
        }
        return new Table("Mean craving VAS by week", columns, rows);
    }
}
