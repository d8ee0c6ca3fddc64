package org.stimtrial.snapshot;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
import org.stimtrial.analysis.snapshot.TrialSnapshot;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;
import org.stimtrial.visit.AnalyteResult;
import org.stimtrial.visit.UrineDrugScreen;

/**
 * Reads a study's analysis data as of a cut-off date. The cut-off applies to clinical dates: participants
 * consented, randomized, visits done, specimens collected, craving assessed, adverse events started and queries
 * raised on or before it. Values are those in the database when the snapshot is frozen. The randomization date is
 * the baseline (week 0) visit's date, the protocol's day 0, or the allocation's date in the site's time zone while
 * baseline is not done. A participant whose status changed after the cut-off is shown as it stood then (randomized
 * rather than completed, screened rather than eligible); an adverse event that ended after it is shown as ongoing at
 * the cut-off. Specimens are dated in their site's time zone.
 */
public final class JpaSnapshotSource {
    private final EntityManager em;

    public JpaSnapshotSource(EntityManager em) {
        this.em = em;
    }

    public TrialSnapshot freeze(String protocol, LocalDate cutoff) {
        Study study = Studies.require(new JpaStudyRepository(em), protocol);
        long id = study.id();
        List<ArmRow> arms = new ArrayList<>();
        for (Object[] r : rows("SELECT code, name, placebo FROM arm WHERE study_id = ?1 ORDER BY placebo DESC, id",
                id)) {
            arms.add(new ArmRow((String) r[0], (String) r[1], (Boolean) r[2]));
        }
        List<SiteRow> sites = new ArrayList<>();
        Map<String, ZoneId> zones = new HashMap<>();
        for (Object[] r : rows("SELECT code, name, time_zone FROM site WHERE study_id = ?1 ORDER BY code", id)) {
            sites.add(new SiteRow((String) r[0], (String) r[1], (String) r[2]));
            zones.put((String) r[0], ZoneId.of((String) r[2]));
        }
        List<VisitPlanRow> schedule = new ArrayList<>();
        for (Object[] r : rows("SELECT code, name, ordinal, week, target_day, window_before, window_after"
                + " FROM visit_definition WHERE study_id = ?1 ORDER BY ordinal", id)) {
            schedule.add(new VisitPlanRow((String) r[0], (String) r[1], integer(r[2]),
                    r[3] == null ? OptionalInt.empty() : OptionalInt.of(integer(r[3])), integer(r[4]), integer(r[5]),
                    integer(r[6])));
        }
        Map<String, VisitPlanRow> plan = new HashMap<>();
        schedule.forEach(v -> plan.put(v.code(), v));

        Map<String, LocalDate> baselineDone = new HashMap<>();
        for (Object[] r : rows("SELECT s.screening_number, v.visit_date FROM visit v JOIN subject s ON s.id ="
                + " v.subject_id JOIN visit_definition d ON d.id = v.visit_definition_id WHERE s.study_id = ?1"
                + " AND d.week = 0 AND v.status = 'DONE' AND v.visit_date IS NOT NULL", id)) {
            baselineDone.put((String) r[0], date(r[1]));
        }
        List<SubjectRow> subjects = new ArrayList<>();
        Map<String, SubjectRow> bySubject = new HashMap<>();
        for (Object[] r : rows("SELECT s.screening_number, si.code, a.code, s.sex, s.year_of_birth, s.consent_date,"
                + " s.status, s.status_date, al.allocated_at FROM subject s JOIN site si ON si.id = s.site_id"
                + " LEFT JOIN allocation al ON al.subject_id = s.id LEFT JOIN arm a ON a.id = al.arm_id"
                + " WHERE s.study_id = ?1 AND s.consent_date <= ?2", id, cutoff)) {
            ZoneId zone = zones.get((String) r[1]);
            Optional<LocalDate> randomized = Optional.ofNullable(r[8]).map(t -> baselineDone.getOrDefault(
                    (String) r[0], instant(t).atZoneSameInstant(zone).toLocalDate())).filter(d -> !d.isAfter(cutoff));
            String status = (String) r[6];
            LocalDate statusDate = date(r[7]);
            if (statusDate.isAfter(cutoff)) {
                status = randomized.isPresent() ? "RANDOMIZED" : "SCREENED";
                statusDate = randomized.orElse(date(r[5]));
            }
            SubjectRow s = new SubjectRow((String) r[0], (String) r[1], randomized.map(d -> (String) r[2]),
                    (String) r[3], integer(r[4]), date(r[5]), status, statusDate, randomized);
            subjects.add(s);
            bySubject.put(s.subject(), s);
        }

        List<VisitRow> visits = new ArrayList<>();
        for (Object[] r : rows("SELECT s.screening_number, d.code, v.status, v.visit_date FROM visit v JOIN subject s"
                + " ON s.id = v.subject_id JOIN visit_definition d ON d.id = v.visit_definition_id"
                + " WHERE s.study_id = ?1", id)) {
            SubjectRow s = bySubject.get((String) r[0]);
            if (s == null) {
                continue;
            }
            Optional<LocalDate> date = Optional.ofNullable(r[3]).map(JpaSnapshotSource::date);
            String status = (String) r[2];
            VisitPlanRow v = plan.get((String) r[1]);
            boolean happened = date.map(d -> !d.isAfter(cutoff)).orElseGet(() -> status.equals("MISSED")
                    && s.randomizedOn().map(start -> !start.plusDays(v.targetDay()).isAfter(cutoff)).orElse(false));
            visits.add(happened ? new VisitRow(s.subject(), v.code(), status, date)
                    : new VisitRow(s.subject(), v.code(), "SCHEDULED", Optional.empty()));
        }

        List<CravingRow> cravings = new ArrayList<>();
        for (Object[] r : rows("SELECT s.screening_number, d.code, c.instrument_code, sc.scale_code, c.assessed_on,"
                + " sc.score FROM craving_score sc JOIN craving_assessment c ON c.id = sc.assessment_id JOIN visit v"
                + " ON v.id = c.visit_id JOIN subject s ON s.id = v.subject_id JOIN visit_definition d"
                + " ON d.id = v.visit_definition_id WHERE s.study_id = ?1 AND c.assessed_on <= ?2", id, cutoff)) {
            if (bySubject.containsKey((String) r[0])) {
                cravings.add(new CravingRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], date(r[4]),
                        ((BigDecimal) r[5]).doubleValue()));
            }
        }

        List<ScreenRow> screens = new ArrayList<>();
        List<AnalyteRow> analytes = new ArrayList<>();
        List<UrineDrugScreen> specimens = em.createQuery("SELECT u FROM UrineDrugScreen u JOIN FETCH u.visit v"
                + " JOIN FETCH v.subject s JOIN FETCH v.definition WHERE s.study = :study", UrineDrugScreen.class)
                .setParameter("study", study).setHint("eclipselink.batch", "u.results")
                .setHint("eclipselink.batch.type", "IN").getResultList();
        for (UrineDrugScreen u : specimens) {
            String subject = u.visit().subject().screeningNumber().value();
            LocalDate collected = u.collectedAt().atZoneSameInstant(u.visit().subject().site().timeZone())
                    .toLocalDate();
            if (bySubject.containsKey(subject) && !collected.isAfter(cutoff)) {
                String visit = u.visit().definition().code();
                screens.add(new ScreenRow(subject, visit, u.specimenId(), collected, u.isNegative()));
                for (AnalyteResult r : u.results()) {
                    analytes.add(new AnalyteRow(subject, visit, u.specimenId(), r.analyte().testCode(),
                            r.analyte().loinc(), r.analyte().display(), r.analyte().method().name(),
                            r.result().name(), r.cutoffNgMl().map(BigDecimal::toPlainString),
                            r.concentrationNgMl().map(BigDecimal::toPlainString)));
                }
            }
        }

        List<AdverseEventRow> events = new ArrayList<>();
        for (Object[] r : rows("SELECT s.screening_number, e.term, e.onset_date, e.end_date, e.severity, e.serious,"
                + " e.relatedness, e.outcome FROM adverse_event e JOIN subject s ON s.id = e.subject_id"
                + " WHERE s.study_id = ?1 AND e.onset_date <= ?2", id, cutoff)) {
            if (bySubject.containsKey((String) r[0])) {
                Optional<LocalDate> recordedEnd = Optional.ofNullable(r[3]).map(JpaSnapshotSource::date);
                Optional<LocalDate> end = recordedEnd.filter(d -> !d.isAfter(cutoff));
                String outcome = recordedEnd.isPresent() && end.isEmpty() ? "ONGOING AT CUT-OFF" : (String) r[7];
                events.add(new AdverseEventRow((String) r[0], (String) r[1], date(r[2]), end, integer(r[4]),
                        (Boolean) r[5], (String) r[6], outcome));
            }
        }

        List<QueryRow> queries = new ArrayList<>();
        for (Object[] r : rows("SELECT s.screening_number, q.item_ref, q.origin, q.status, q.created_at"
                + " FROM data_query q JOIN subject s ON s.id = q.subject_id WHERE s.study_id = ?1", id)) {
            LocalDate raised = instant(r[4]).toLocalDate();
            if (bySubject.containsKey((String) r[0]) && !raised.isAfter(cutoff)) {
                queries.add(new QueryRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], raised));
            }
        }

        List<QuarantineRow> quarantine = new ArrayList<>();
        for (Object[] r : rows("SELECT b.site_code, b.format, b.id, r.reason, b.received_at FROM import_record r"
                + " JOIN import_batch b ON b.id = r.batch_id WHERE b.study_id = ?1 AND r.status = 'QUARANTINED'", id)) {
            if (!instant(r[4]).toLocalDate().isAfter(cutoff)) {
                quarantine.add(new QuarantineRow(r[0] == null ? "" : (String) r[0], (String) r[1],
                        ((Number) r[2]).longValue(), r[3] == null ? "" : (String) r[3]));
            }
        }
        return new TrialSnapshot(study.protocolCode(), study.title(), cutoff, arms, sites, schedule, subjects,
                visits, screens, analytes, cravings, events, queries, quarantine);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private static int integer(Object o) {
        return ((Number) o).intValue();
    }

    private static LocalDate date(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("not a date column: " + o.getClass());
    }

    private static OffsetDateTime instant(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (o instanceof LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp column: " + o.getClass());
    }
}
