package org.stimtrial.demo;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.Source;
import org.stimtrial.audit.RecordState;
import org.stimtrial.demo.DemoPlan.DemoSpecimen;
import org.stimtrial.demo.DemoPlan.DemoSubject;
import org.stimtrial.demo.DemoPlan.DemoVisit;
import org.stimtrial.demo.DemoPlan.StudySpec;
import org.stimtrial.demo.DemoPlan.VisitSpec;
import org.stimtrial.randomization.Allocation;
import org.stimtrial.randomization.AllocationMethod;
import org.stimtrial.study.Arm;
import org.stimtrial.study.FormType;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Site;
import org.stimtrial.study.Study;
import org.stimtrial.study.StudyRepository;
import org.stimtrial.study.VisitDefinition;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.subject.Subjects;
import org.stimtrial.visit.AdverseEventEntry;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.FormEntries.AdherenceEntry;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.QualitativeResult;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitStatus;

/**
 * Writes a {@link DemoPlan} through the same services a coordinator uses, so the demo data passes the same edit
 * checks, raises the same queries and leaves the same audit trail (source DEMO).
 */
public class DemoLoader {
    /** Everything the demo generator writes is recorded as done by this user, with source DEMO. */
    public static final Actor ACTOR = Actor.of("demo-generator", Source.DEMO);
    private static final BigDecimal CUTOFF = BigDecimal.valueOf(500);

    private final EntityManager em;
    private final Clock clock;
    private final SubjectService subjects;
    private final VisitService visits;
    private final UrineScreenService screens;
    private final AdverseEventService adverseEvents;

    public DemoLoader(EntityManager em, Clock clock, SubjectService subjects, VisitService visits,
                      UrineScreenService screens, AdverseEventService adverseEvents) {
        this.em = em;
        this.clock = clock;
        this.subjects = subjects;
        this.visits = visits;
        this.screens = screens;
        this.adverseEvents = adverseEvents;
    }

    /** Creates the study, its arms, sites and visit schedule. */
    public void createStudy(StudySpec spec) {
        StudyRepository repo = new JpaStudyRepository(em);
        Study study = new Study(spec.protocolCode(), spec.title(), spec.protocolVersion());
        repo.add(study);
        spec.arms().forEach(a -> repo.add(new Arm(study, a.code(), a.name(), a.drug(), a.dose(), a.weight(),
                a.placebo())));
        spec.sites().forEach(s -> repo.add(new Site(study, s.code(), s.name(), ZoneId.of(s.timeZone()), true)));
        int ordinal = 0;
        for (VisitSpec v : spec.schedule()) {
            EnumSet<FormType> forms = EnumSet.noneOf(FormType.class);
            forms.addAll(v.forms());
            repo.add(new VisitDefinition(study, v.code(), v.name(), ordinal++, v.week(), v.targetDay(),
                    v.windowBefore(), v.windowAfter(), v.urineScreens(), forms));
        }
        em.flush();
    }

    /** Writes one participant's screening, allocation, visits, forms, adverse events and end of study. */
    public void loadSubject(String protocol, DemoSubject s) {
        String number = s.screening().screeningNumber();
        subjects.screen(protocol, s.screening(), ACTOR);
        DemoVisit screening = s.visits().get(0);
        visit(protocol, number, screening);
        if (s.screenFailure().isPresent()) {
            subjects.changeStatus(protocol, number, SubjectStatus.SCREEN_FAILED, s.screeningVisit(),
                    s.screenFailure().get(), ACTOR);
            return;
        }
        subjects.changeStatus(protocol, number, SubjectStatus.ELIGIBLE, s.screeningVisit(), null, ACTOR);
        if (s.baseline().isEmpty()) {
            return;
        }
        allocate(protocol, number, s.armCode().orElseThrow(), s.kitNumber().orElseThrow());
        subjects.randomized(protocol, number, s.baseline().get(), ACTOR);
        for (DemoVisit v : s.visits().subList(1, s.visits().size())) {
            visit(protocol, number, v);
        }
        for (AdverseEventEntry ae : s.adverseEvents()) {
            adverseEvents.add(protocol, number, ae, ACTOR);
        }
        s.end().ifPresent(e -> subjects.changeStatus(protocol, number, e.status(), e.date(), e.reason(), ACTOR));
    }

    private void visit(String protocol, String number, DemoVisit v) {
        if (v.missed()) {
            visits.recordVisit(protocol, number, v.code(), new VisitEntry(VisitStatus.MISSED, null), null, null,
                    ACTOR);
            return;
        }
        visits.recordVisit(protocol, number, v.code(), new VisitEntry(VisitStatus.DONE, v.date()), null, null,
                ACTOR);
        for (Map.Entry<String, Map<String, BigDecimal>> c : v.cravings().entrySet()) {
            visits.addCraving(protocol, number, v.code(), new CravingEntry(c.getKey(), v.date(), c.getValue()), ACTOR);
        }
        for (DemoSpecimen specimen : v.specimens()) {
            QualitativeResult result = specimen.negative() ? QualitativeResult.NEGATIVE : QualitativeResult.POSITIVE;
            screens.addScreen(protocol, number, v.code(), new UrineScreenEntry(specimen.specimenId(),
                    specimen.collectedAt(), SpecimenSource.SITE_POC, SpecimenValidity.VALID, List.of(
                    new AnalyteEntry(Analyte.AMPHETAMINE_SCREEN, result, Optional.of(CUTOFF)),
                    new AnalyteEntry(Analyte.METHAMPHETAMINE_SCREEN, result, Optional.of(CUTOFF)))), ACTOR);
        }
        v.pillCount().ifPresent(p -> visits.recordAdherence(protocol, number, v.code(),
                new AdherenceEntry(p.dispensed(), p.returned(), p.days(), p.unitsPerDay()), null, null, ACTOR));
    }

    /** Demo-only allocation: the generator drew the arm itself. Only the kit number enters the audit trail. */
    private void allocate(String protocol, String number, String armCode, String kit) {
        Subject subject = Subjects.require(em, protocol, number);
        Arm arm = new JpaStudyRepository(em).arms(subject.study()).stream().filter(a -> a.code().equals(armCode))
                .findFirst().orElseThrow();
        Allocation allocation = new Allocation(subject, arm, kit, AllocationMethod.DEMO_ONLY,
                OffsetDateTime.now(clock));
        em.persist(allocation);
        new AuditTrail(em, clock).inserted(ACTOR, null, "Allocation", Long.toString(allocation.id()), subject.id(),
                RecordState.fields("kitNumber", kit, "method", AllocationMethod.DEMO_ONLY.name()));
    }
}
