package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditChainVerifier;
import org.stimtrial.audit.AuditService;
import org.stimtrial.audit.AuditView;
import org.stimtrial.audit.ChainVerification;
import org.stimtrial.audit.Source;
import org.stimtrial.demo.DemoLoader;
import org.stimtrial.demo.DemoPlan;
import org.stimtrial.demo.DemoStudyGenerator;
import org.stimtrial.query.QueryAction;
import org.stimtrial.query.QueryService;
import org.stimtrial.query.QueryStatus;
import org.stimtrial.query.QueryView;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.StaleVersionException;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.StudyService;
import org.stimtrial.study.StudyView;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.subject.SubjectView;
import org.stimtrial.visit.AdverseEventEntry;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.AdverseEventTerms.ActionTaken;
import org.stimtrial.visit.AdverseEventTerms.Outcome;
import org.stimtrial.visit.AdverseEventTerms.Relatedness;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.FormViews.CravingView;
import org.stimtrial.visit.FormViews.UrineScreenView;
import org.stimtrial.visit.FormViews.VisitView;
import org.stimtrial.visit.QualitativeResult;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitStatus;

/**
 * The persistence behaviour every supported database must show: migrations, the services' writes, edit checks,
 * optimistic locking, queries, and an audit trail whose tampering is detected. Run on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrialPersistenceContract {
    static final String STUDY = "STIM-301";
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final Actor COORDINATOR = Actor.of("coordinator", Source.API);
    static final Actor DATA_MANAGER = Actor.of("datamanager", Source.API);

    private Database db;
    private TestClock clock;
    private SubjectService subjects;
    private VisitService visits;
    private UrineScreenService screens;
    private AdverseEventService adverseEvents;
    private QueryService queries;
    private AuditService audit;

    abstract DataSource dataSource() throws Exception;

    @BeforeAll
    void setUp() throws Exception {
        db = new Database(dataSource());
        clock = new TestClock(TODAY.atTime(20, 0).toInstant(ZoneOffset.UTC));
        subjects = new SubjectService(db.em(), clock);
        visits = new VisitService(db.em(), clock);
        screens = new UrineScreenService(db.em(), clock);
        adverseEvents = new AdverseEventService(db.em(), clock);
        queries = new QueryService(db.em(), clock);
        audit = new AuditService(db.em(), clock, db.dataSource());
        db.run(() -> loader().createStudy(DemoStudyGenerator.studySpec()));
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    private DemoLoader loader() {
        return new DemoLoader(db.em(), clock, subjects, visits, screens, adverseEvents);
    }

    private SubjectView screen(String number, String site) {
        return db.tx(() -> subjects.screen(STUDY, new ScreeningEntry(number, site, Sex.F, 1985,
                TODAY.minusDays(60)), COORDINATOR));
    }

    private void baselineDone(String number, LocalDate baseline) {
        db.tx(() -> visits.recordVisit(STUDY, number, "BL", new VisitEntry(VisitStatus.DONE, baseline), null, null,
                COORDINATOR));
    }

    private CravingEntry vas(LocalDate on, String value) {
        return new CravingEntry("VAS", on, Map.of("vas", new BigDecimal(value)));
    }

    @Test
    void studyConfigurationIsStoredWithScheduleAndArms() {
        StudyView study = db.tx(() -> new StudyService(db.em()).study(STUDY));
        assertEquals(5, study.arms().size());
        assertEquals(5, study.sites().size());
        assertEquals(List.of("SCR", "BL", "W01"), study.schedule().stream().limit(3).map(v -> v.code()).toList());
        assertEquals(15, study.schedule().size());
        assertEquals(2, study.schedule().get(2).urineScreens());
    }

    @Test
    void screeningCreatesTheSubjectItsVisitsAndTheirAuditRecords() {
        SubjectView s = screen("T-0001", "S01");
        assertEquals("SCREENED", s.status());
        List<VisitView> scheduled = db.tx(() -> visits.visits(STUDY, "T-0001"));
        assertEquals(15, scheduled.size());
        assertTrue(scheduled.stream().allMatch(v -> v.status().equals("SCHEDULED")));
        List<AuditView> trail = db.tx(() -> audit.subjectTrail(STUDY, "T-0001"));
        assertTrue(trail.stream().anyMatch(a -> a.entity().equals("Subject") && a.field().equals("screeningNumber")
                && a.newValue().equals("T-0001") && a.user().equals("coordinator") && a.action().equals("INSERT")));
    }

    @Test
    void duplicateScreeningNumberIsAConflictAndUnknownSiteIsAFieldError() {
        screen("T-0002", "S02");
        assertThrows(ConflictException.class, () -> screen("T-0002", "S02"));
        ValidationFailedException e = assertThrows(ValidationFailedException.class, () -> screen("T-0003", "S99"));
        assertEquals("site", e.errors().get(0).field());
        assertThrows(UnknownEntityException.class, () -> db.tx(() -> subjects.get(STUDY, "T-0003")));
    }

    @Test
    void illegalStatusTransitionsAreRejectedAndEndingNeedsAReason() {
        screen("T-0004", "S01");
        assertThrows(ConflictException.class, () -> db.tx(() -> subjects.changeStatus(STUDY, "T-0004",
                SubjectStatus.COMPLETED, TODAY, null, COORDINATOR)));
        ValidationFailedException noReason = assertThrows(ValidationFailedException.class, () -> db.tx(() ->
                subjects.changeStatus(STUDY, "T-0004", SubjectStatus.SCREEN_FAILED, TODAY, " ", COORDINATOR)));
        assertEquals("reason", noReason.errors().get(0).field());
        SubjectView failed = db.tx(() -> subjects.changeStatus(STUDY, "T-0004", SubjectStatus.SCREEN_FAILED, TODAY,
                "Positive pregnancy test", COORDINATOR));
        assertEquals("SCREEN_FAILED", failed.status());
        assertEquals("Positive pregnancy test", failed.statusReason());
    }

    @Test
    void vasOutOfRangeIsRejectedNamingTheFieldAndNothingIsSaved() {
        screen("T-0005", "S03");
        baselineDone("T-0005", TODAY.minusDays(10));
        long before = db.count("craving_assessment");
        ValidationFailedException e = assertThrows(ValidationFailedException.class, () -> db.tx(() ->
                visits.addCraving(STUDY, "T-0005", "BL", vas(TODAY.minusDays(10), "120"), COORDINATOR)));
        assertEquals(List.of(new FieldError("responses.vas", "must be between 0 and 100")), e.errors());
        assertEquals(before, db.count("craving_assessment"));
    }

    @Test
    void changingASavedValueNeedsAReasonAndTheCurrentVersionAndIsAudited() {
        screen("T-0006", "S01");
        LocalDate baseline = TODAY.minusDays(10);
        baselineDone("T-0006", baseline);
        CravingView saved = db.tx(() -> visits.addCraving(STUDY, "T-0006", "BL", vas(baseline, "55.5"), COORDINATOR));
        assertEquals(0, new BigDecimal("55.5").compareTo(saved.scores().get("craving")));

        ValidationFailedException noReason = assertThrows(ValidationFailedException.class, () -> db.tx(() ->
                visits.changeCraving(STUDY, "T-0006", "BL", vas(baseline, "45"), saved.version(), null, COORDINATOR)));
        assertEquals("reason", noReason.errors().get(0).field());

        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> db.tx(() ->
                visits.changeCraving(STUDY, "T-0006", "BL", vas(baseline, "45"), saved.version() + 7,
                        "transcription error", COORDINATOR)));
        assertEquals(saved.version(), stale.currentVersion());

        CravingView changed = db.tx(() -> visits.changeCraving(STUDY, "T-0006", "BL", vas(baseline, "45"),
                saved.version(), "Transcription error: source document says 45", COORDINATOR));
        assertEquals(0, new BigDecimal("45").compareTo(changed.responses().get("vas")));
        assertTrue(changed.version() > saved.version());

        List<AuditView> trail = db.tx(() -> audit.subjectTrail(STUDY, "T-0006"));
        AuditView change = trail.stream().filter(a -> a.field().equals("responses.vas") && a.action().equals("UPDATE"))
                .findFirst().orElseThrow();
        assertEquals("55.5", change.oldValue());
        assertEquals("45", change.newValue());
        assertEquals("Transcription error: source document says 45", change.reason());
        assertEquals("coordinator", change.user());
        assertTrue(trail.stream().anyMatch(a -> a.field().equals("scores.craving") && "45".equals(a.newValue())));
    }

    @Test
    void softChecksRaiseQueriesThatTheSiteAnswersAndTheDataManagerCloses() {
        screen("T-0007", "S04");
        LocalDate baseline = TODAY.minusDays(30);
        baselineDone("T-0007", baseline);
        db.tx(() -> visits.addCraving(STUDY, "T-0007", "BL", vas(baseline, "90"), COORDINATOR));
        LocalDate late = baseline.plusDays(7 + 6);
        db.tx(() -> visits.recordVisit(STUDY, "T-0007", "W01", new VisitEntry(VisitStatus.DONE, late), null, null,
                COORDINATOR));
        db.tx(() -> visits.addCraving(STUDY, "T-0007", "W01", vas(late, "10"), COORDINATOR));
        List<QueryView> open = db.tx(() -> queries.list(STUDY, Optional.of("T-0007"), Optional.of(QueryStatus.OPEN)));
        assertEquals(2, open.size(), open.toString());
        assertTrue(open.stream().anyMatch(q -> q.itemRef().equals("visit:W01/visitDate")));
        QueryView vasQuery = open.stream().filter(q -> q.itemRef().endsWith("responses.vas")).findFirst().orElseThrow();
        assertTrue(vasQuery.text().contains("changed by 80"), vasQuery.text());

        QueryView answered = db.tx(() -> queries.post(STUDY, vasQuery.id(), QueryAction.ANSWER,
                "Confirmed with the participant: craving really dropped", COORDINATOR));
        assertEquals("ANSWERED", answered.status());
        assertThrows(ConflictException.class, () -> db.tx(() -> queries.post(STUDY, vasQuery.id(),
                QueryAction.ANSWER, "again", COORDINATOR)));
        QueryView closed = db.tx(() -> queries.post(STUDY, vasQuery.id(), QueryAction.CLOSE, "Accepted",
                DATA_MANAGER));
        assertEquals("CLOSED", closed.status());
        assertEquals(List.of("RAISE", "ANSWER", "CLOSE"), closed.messages().stream().map(m -> m.action()).toList());
    }

    @Test
    void urineScreensAreLimitedPerVisitAndNegativeOnlyWhenEveryAnalyteIsNegative() {
        screen("T-0008", "S05");
        LocalDate baseline = TODAY.minusDays(20);
        baselineDone("T-0008", baseline);
        db.tx(() -> visits.recordVisit(STUDY, "T-0008", "W01", new VisitEntry(VisitStatus.DONE, baseline.plusDays(7)),
                null, null, COORDINATOR));
        OffsetDateTime at = baseline.plusDays(7).atTime(10, 0).atOffset(ZoneOffset.ofHours(1));
        UrineScreenView a = db.tx(() -> screens.addScreen(STUDY, "T-0008", "W01", specimen("A1", at,
                QualitativeResult.NEGATIVE, QualitativeResult.NEGATIVE), COORDINATOR));
        UrineScreenView b = db.tx(() -> screens.addScreen(STUDY, "T-0008", "W01", specimen("A2", at.minusDays(3),
                QualitativeResult.NEGATIVE, QualitativeResult.POSITIVE), COORDINATOR));
        assertTrue(a.negative());
        assertFalse(b.negative());
        assertThrows(ConflictException.class, () -> db.tx(() -> screens.addScreen(STUDY, "T-0008", "W01",
                specimen("A3", at, QualitativeResult.NEGATIVE, QualitativeResult.NEGATIVE), COORDINATOR)));
        ValidationFailedException future = assertThrows(ValidationFailedException.class, () -> db.tx(() ->
                screens.addScreen(STUDY, "T-0008", "BL", specimen("A4", OffsetDateTime.now(clock).plusDays(2),
                        QualitativeResult.NEGATIVE, QualitativeResult.NEGATIVE), COORDINATOR)));
        assertEquals("collectedAt", future.errors().get(0).field());
    }

    private static UrineScreenEntry specimen(String id, OffsetDateTime at, QualitativeResult amph,
                                             QualitativeResult meth) {
        return new UrineScreenEntry(id, at, SpecimenSource.SITE_POC, SpecimenValidity.VALID, List.of(
                new AnalyteEntry(Analyte.AMPHETAMINE_SCREEN, amph, Optional.of(BigDecimal.valueOf(500))),
                new AnalyteEntry(Analyte.METHAMPHETAMINE_SCREEN, meth, Optional.of(BigDecimal.valueOf(500)))));
    }

    @Test
    void adverseEventEndingBeforeOnsetIsRejected() {
        screen("T-0009", "S02");
        AdverseEventEntry bad = new AdverseEventEntry("Headache", TODAY.minusDays(3), Optional.of(TODAY.minusDays(5)),
                1, false, Relatedness.POSSIBLE, ActionTaken.NONE, Outcome.RECOVERED);
        ValidationFailedException e = assertThrows(ValidationFailedException.class,
                () -> db.tx(() -> adverseEvents.add(STUDY, "T-0009", bad, COORDINATOR)));
        assertEquals("endDate", e.errors().get(0).field());
    }

    @Test
    void theDemoPlanLoadsThroughTheServicesAndLeavesAnIntactChain() {
        DemoPlan plan = new DemoStudyGenerator(7L, TODAY.minusDays(1)).generate(8);
        for (DemoPlan.DemoSubject s : plan.subjects()) {
            DemoPlan.DemoSubject renamed = new DemoPlan.DemoSubject(new ScreeningEntry("D" + s.screening()
                    .screeningNumber(), s.screening().siteCode(), s.screening().sex(), s.screening().yearOfBirth(),
                    s.screening().consentDate()), s.screeningVisit(), s.screenFailure(), s.baseline(), s.armCode(),
                    s.kitNumber().map(k -> "D" + k), s.visits(), s.adverseEvents(), s.end());
            db.run(() -> loader().loadSubject(STUDY, renamed));
        }
        List<SubjectView> loaded = db.tx(() -> subjects.list(STUDY, Optional.empty(), Optional.empty())).stream()
                .filter(s -> s.screeningNumber().startsWith("D")).toList();
        assertEquals(8, loaded.size());
        assertTrue(db.tx(() -> audit.verifyChain()).isIntact());
    }

    @Test
    void tamperingWithTheAuditTrailIsDetectedAtTheFirstBrokenRecord() throws Exception {
        screen("T-0010", "S01");
        assertTrue(verify().isIntact());
        long seq = 3;
        String original = db.tx(() -> db.em().createNativeQuery("SELECT new_value FROM audit_record WHERE seq = 3")
                .getSingleResult()).toString();
        db.sql("UPDATE audit_record SET new_value = 'tampered' WHERE seq = 3");
        ChainVerification altered = verify();
        assertEquals(Optional.of(seq), altered.firstBrokenSeq());
        assertTrue(altered.problem().orElseThrow().contains("altered"));
        db.sql("UPDATE audit_record SET new_value = '" + original.replace("'", "''") + "' WHERE seq = 3");
        assertTrue(verify().isIntact());

        db.sql("CREATE TABLE audit_backup AS SELECT * FROM audit_record WHERE seq = 5");
        db.sql("DELETE FROM audit_record WHERE seq = 5");
        ChainVerification deleted = verify();
        assertEquals(Optional.of(5L), deleted.firstBrokenSeq());
        assertTrue(deleted.problem().orElseThrow().contains("missing"));
        db.sql("INSERT INTO audit_record SELECT * FROM audit_backup");
        db.sql("DROP TABLE audit_backup");
        assertTrue(verify().isIntact());
    }

    private ChainVerification verify() throws Exception {
        try (var c = db.dataSource().getConnection()) {
            return new AuditChainVerifier().verify(c);
        }
    }
}
