package org.stimtrial.analysis.interim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.stimtrial.analysis.Reference;
import org.stimtrial.analysis.data.Column;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.snapshot.SnapshotRows.AnalyteRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.ArmRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.CravingRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.ScreenRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SiteRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SubjectRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.VisitPlanRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.VisitRow;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * The validation trial (trial_small.csv, the data of R's reference fits) entered as a snapshot would hold it:
 * 250 randomized participants, visits BL and W01-W12 done or missed, one VAS score and one urine specimen per
 * done visit; at an earlier cut-off only what had happened by then. Analysing it must give R's numbers.
 */
public final class SnapshotFixtures {
    public static final LocalDate FIRST_RANDOMIZED = LocalDate.of(2026, 1, 5);

    private SnapshotFixtures() {
    }

    public static TrialSnapshot trialSmall(LocalDate cutoff) {
        DataTable d = Reference.data("trial_small.csv");
        Column.Text subject = (Column.Text) d.column("subject_id");
        Column.Text site = (Column.Text) d.column("site");
        Column.Text arm = (Column.Text) d.column("arm");
        Column.Text sex = (Column.Text) d.column("sex");
        double[] week = d.numeric("week").values();
        double[] craving = d.numeric("craving").values();
        double[] uds = d.numeric("uds_negative").values();
        List<VisitPlanRow> schedule = new ArrayList<>();
        schedule.add(new VisitPlanRow("SCR", "Screening", 0, OptionalInt.empty(), -14, 14, 14));
        schedule.add(new VisitPlanRow("BL", "Baseline", 1, OptionalInt.of(0), 0, 0, 0));
        for (int w = 1; w <= 12; w++) {
            schedule.add(new VisitPlanRow(code(w), "Week " + w, w + 1, OptionalInt.of(w), 7 * w, 3, 3));
        }
        Map<String, SubjectRow> subjects = new LinkedHashMap<>();
        List<VisitRow> visits = new ArrayList<>();
        List<CravingRow> cravings = new ArrayList<>();
        List<ScreenRow> screens = new ArrayList<>();
        List<AnalyteRow> analytes = new ArrayList<>();
        for (int r = 0; r < d.rows(); r++) {
            String s = subject.get(r);
            SubjectRow row = subjects.get(s);
            if (row == null) {
                LocalDate start = FIRST_RANDOMIZED.plusDays(subjects.size() % 200);
                boolean completed = start.plusDays(84).isBefore(cutoff);
                row = new SubjectRow(s, site.get(r), Optional.of(arm.get(r)), sex.get(r), 1990,
                        start.minusDays(10), completed ? "COMPLETED" : "RANDOMIZED",
                        completed ? start.plusDays(84) : start, Optional.of(start));
                subjects.put(s, row);
            }
            LocalDate randomized = row.randomizedOn().orElseThrow();
            int w = (int) week[r];
            String visit = code(w);
            LocalDate date = randomized.plusDays(7L * w);
            if (date.isAfter(cutoff)) {
                continue;
            }
            boolean done = !Double.isNaN(craving[r]) || !Double.isNaN(uds[r]);
            visits.add(new VisitRow(s, visit, done ? "DONE" : "MISSED", done ? Optional.of(date) : Optional.empty()));
            if (!Double.isNaN(craving[r])) {
                cravings.add(new CravingRow(s, visit, "VAS", "craving", date, craving[r]));
            }
            if (!Double.isNaN(uds[r])) {
                screens.add(new ScreenRow(s, visit, s + "-" + visit, date, uds[r] == 1));
                analytes.add(new AnalyteRow(s, visit, s + "-" + visit, "METHAMPH", "19554-5",
                        "Methamphetamine [Presence] in Urine by Screen method", "SCREEN",
                        uds[r] == 1 ? "NEGATIVE" : "POSITIVE", Optional.of("500"), Optional.empty()));
            }
        }
        List<ArmRow> arms = List.of(new ArmRow("placebo", "Placebo", true), new ArmRow("bupropion", "Bupropion", false),
                new ArmRow("modafinil", "Modafinil", false), new ArmRow("nac", "N-acetylcysteine", false),
                new ArmRow("baclofen", "Baclofen", false));
        List<SiteRow> sites = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sites.add(new SiteRow("site" + i, "Site " + i, "UTC"));
        }
        return new TrialSnapshot("TRIAL-SMALL", "The validation trial", cutoff, arms, sites, schedule,
                List.copyOf(subjects.values()), visits, screens, analytes, cravings, List.of(), List.of(), List.of());
    }

    private static String code(int week) {
        return week == 0 ? "BL" : String.format("W%02d", week);
    }
}
