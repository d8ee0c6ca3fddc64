package org.stimtrial.analysis.snapshot;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.snapshot.SnapshotRows.AdverseEventRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.AnalyteRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.ArmRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.CravingRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.QuarantineRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.QueryRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.ScreenRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SiteRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SubjectRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.VisitPlanRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.VisitRow;

/**
 * A study's analysis data frozen at a cut-off date. Rows are kept in canonical order (sorted by their canonical
 * text), so two snapshots of the same data are equal, encode to the same bytes and give the same numbers.
 */
public record TrialSnapshot(String protocol, String title, LocalDate cutoff, List<ArmRow> arms,
                            List<SiteRow> sites, List<VisitPlanRow> schedule, List<SubjectRow> subjects,
                            List<VisitRow> visits, List<ScreenRow> screens, List<AnalyteRow> analytes,
                            List<CravingRow> cravings,
                            List<AdverseEventRow> adverseEvents, List<QueryRow> queries,
                            List<QuarantineRow> quarantine) {

    public TrialSnapshot {
        if (protocol.isBlank()) {
            throw new AnalysisException("a snapshot needs the study's protocol code");
        }
        arms = List.copyOf(arms);
        sites = List.copyOf(sites);
        schedule = schedule.stream().sorted(Comparator.comparingInt(VisitPlanRow::ordinal)).toList();
        subjects = canonical(subjects);
        visits = canonical(visits);
        screens = canonical(screens);
        analytes = canonical(analytes);
        cravings = canonical(cravings);
        adverseEvents = canonical(adverseEvents);
        queries = canonical(queries);
        quarantine = canonical(quarantine);
    }

    /** Sorted by canonical text, each row's text built once (not once per comparison). */
    private static <R extends Record> List<R> canonical(List<R> rows) {
        return rows.stream().map(r -> Map.entry(RecordCsv.line(r), r)).sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList();
    }

    /** The same snapshot with every arm removed: what blinded roles may be given. */
    public TrialSnapshot withoutArms() {
        return new TrialSnapshot(protocol, title, cutoff, arms, sites, schedule,
                subjects.stream().map(s -> new SubjectRow(s.subject(), s.site(), Optional.empty(), s.sex(),
                        s.yearOfBirth(), s.consentDate(), s.status(), s.statusDate(), s.randomizedOn())).toList(),
                visits, screens, analytes, cravings, adverseEvents, queries, quarantine);
    }

    /** Whether any participant's arm is present (false for blinded copies). */
    public boolean unblinded() {
        return subjects.stream().anyMatch(s -> s.arm().isPresent());
    }

    /**
     * For each participant's visit with at least one specimen: whether the visit counts as negative, that is every
     * specimen of it was negative (one positive, invalid or not-done specimen makes the visit not negative).
     */
    public Map<SnapshotRows.SubjectVisit, Boolean> negativeVisits() {
        Map<SnapshotRows.SubjectVisit, Boolean> out = new HashMap<>();
        for (ScreenRow s : screens) {
            out.merge(new SnapshotRows.SubjectVisit(s.subject(), s.visit()), s.negative(), Boolean::logicalAnd);
        }
        return out;
    }

    /** The placebo arm, the reference of every contrast. */
    public ArmRow placebo() {
        return arms.stream().filter(ArmRow::placebo).findFirst()
                .orElseThrow(() -> new AnalysisException(protocol + " has no placebo arm to compare against"));
    }

    /** The visit of the schedule with this code. */
    public VisitPlanRow visit(String code) {
        return schedule.stream().filter(v -> v.code().equals(code)).findFirst()
                .orElseThrow(() -> new AnalysisException("visit " + code + " is not in the schedule of " + protocol));
    }
}
