package org.stimtrial.visit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.instrument.Instrument;
import org.stimtrial.instrument.InstrumentCatalog;
import org.stimtrial.query.QueryRaiser;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.subject.Subjects;
import org.stimtrial.visit.FormEntries.AdherenceEntry;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.FormViews.AdherenceView;
import org.stimtrial.visit.FormViews.CravingView;
import org.stimtrial.visit.FormViews.VisitView;

/**
 * Entering visits, craving assessments and pill counts: hard edit checks reject, soft edit checks raise queries,
 * every change is audited, and changing saved data needs a reason and the current version.
 */
@Stateless
public class VisitService {
    private static final InstrumentCatalog INSTRUMENTS = InstrumentCatalog.shipped();

    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public VisitService() {
    }

    public VisitService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public List<VisitView> visits(String study, String screeningNumber) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        List<Visit> visits = new JpaVisitRepository(em).visits(subject);
        LocalDate baseline = baseline(visits).orElse(null);
        return visits.stream().map(v -> VisitView.of(v, baseline)).toList();
    }

    /** Records that a visit took place (or was missed). Changing a recorded visit needs a reason and its version. */
    public VisitView recordVisit(String study, String screeningNumber, String visitCode, VisitEntry entry,
                                 Long version, String reason, Actor actor) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        Visit visit = requireVisit(repo, subject, visitCode);
        boolean firstSave = visit.status() == VisitStatus.SCHEDULED;
        String why = null;
        if (!firstSave) {
            Reasons.requireVersion("Visit " + visitCode, version, visit.version());
            why = Reasons.require(reason);
        }
        if (entry.status() == null || entry.status() == VisitStatus.SCHEDULED) {
            throw new ValidationFailedException("status", "must be DONE or MISSED");
        }
        Map<String, String> before = visit.auditState();
        if (entry.status() == VisitStatus.DONE) {
            checkVisitDate(subject, entry.date());
            visit.markDone(entry.date());
        } else {
            if (entry.date() != null) {
                throw new ValidationFailedException("date", "a missed visit has no date");
            }
            if (hasForms(repo, visit)) {
                throw new ConflictException("has-forms", "Visit " + visitCode
                        + " has forms entered; it cannot be marked missed");
            }
            visit.markMissed();
        }
        AuditTrail audit = new AuditTrail(em, clock);
        audit.updated(actor, why, visit, before);
        em.flush();
        List<Visit> visits = repo.visits(subject);
        Optional<LocalDate> baseline = baseline(visits);
        if (entry.status() == VisitStatus.DONE && baseline.isPresent()) {
            SoftEditChecks.visitWindow(visit.definition(), baseline.get(), entry.date()).ifPresent(text ->
                    new QueryRaiser(em, clock).raise(subject, "visit:" + visitCode + "/visitDate", text, actor));
        }
        return VisitView.of(visit, baseline.orElse(null));
    }

    public List<CravingView> cravings(String study, String screeningNumber, String visitCode) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        return repo.cravings(requireVisit(repo, subject, visitCode)).stream().map(CravingView::of).toList();
    }

    /** First save of a craving instrument at a visit. */
    public CravingView addCraving(String study, String screeningNumber, String visitCode, CravingEntry entry,
                                  Actor actor) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        Visit visit = requireDoneVisit(repo, subject, visitCode);
        Instrument instrument = instrument(entry.instrument());
        Map<String, BigDecimal> scores = checkCraving(subject, instrument, entry);
        if (repo.craving(visit, instrument.code()).isPresent()) {
            throw new ConflictException("duplicate", instrument.code() + " is already entered at visit " + visitCode
                    + "; change it with PUT, giving a reason");
        }
        CravingAssessment assessment = new CravingAssessment(visit, instrument.code(), entry.assessedOn(),
                entry.responses(), scores);
        repo.add(assessment);
        new AuditTrail(em, clock).inserted(actor, assessment);
        vasCheck(repo, subject, visit, assessment, actor);
        return CravingView.of(assessment);
    }

    /** Changes a saved craving instrument: needs the version edited and a reason. */
    public CravingView changeCraving(String study, String screeningNumber, String visitCode, CravingEntry entry,
                                     Long version, String reason, Actor actor) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        Visit visit = requireVisit(repo, subject, visitCode);
        Instrument instrument = instrument(entry.instrument());
        CravingAssessment assessment = repo.craving(visit, instrument.code()).orElseThrow(
                () -> new UnknownEntityException("craving assessment", visitCode + "/" + instrument.code()));
        Reasons.requireVersion(instrument.code() + " at visit " + visitCode, version, assessment.version());
        String why = Reasons.require(reason);
        Map<String, BigDecimal> scores = checkCraving(subject, instrument, entry);
        Map<String, String> before = assessment.auditState();
        assessment.record(entry.assessedOn(), entry.responses(), scores);
        new AuditTrail(em, clock).updated(actor, why, assessment, before);
        Reasons.bumpVersion(em, assessment, before);
        vasCheck(repo, subject, visit, assessment, actor);
        return CravingView.of(assessment);
    }

    public Optional<AdherenceView> adherence(String study, String screeningNumber, String visitCode) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        return repo.adherence(requireVisit(repo, subject, visitCode)).map(AdherenceView::of);
    }

    /** Records the pill count at a visit; changing a saved one needs its version and a reason. */
    public AdherenceView recordAdherence(String study, String screeningNumber, String visitCode,
                                         AdherenceEntry entry, Long version, String reason, Actor actor) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        Visit visit = requireDoneVisit(repo, subject, visitCode);
        Optional<MedicationAdherence> existing = repo.adherence(visit);
        AuditTrail audit = new AuditTrail(em, clock);
        if (existing.isEmpty()) {
            MedicationAdherence m = new MedicationAdherence(visit, entry.unitsDispensed(), entry.unitsReturned(),
                    entry.days(), entry.unitsPerDay());
            repo.add(m);
            audit.inserted(actor, m);
            return AdherenceView.of(m);
        }
        MedicationAdherence m = existing.get();
        Reasons.requireVersion("Pill count at visit " + visitCode, version, m.version());
        String why = Reasons.require(reason);
        Map<String, String> before = m.auditState();
        m.record(entry.unitsDispensed(), entry.unitsReturned(), entry.days(), entry.unitsPerDay());
        audit.updated(actor, why, m, before);
        em.flush();
        return AdherenceView.of(m);
    }

    private Map<String, BigDecimal> checkCraving(Subject subject, Instrument instrument, CravingEntry entry) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(subject.site().timeZone()));
        if (entry.assessedOn() == null) {
            errors.add(new FieldError("assessedOn", "is required"));
        } else if (entry.assessedOn().isAfter(today)) {
            errors.add(new FieldError("assessedOn", "cannot be in the future"));
        }
        Map<String, BigDecimal> responses = entry.responses() == null ? Map.of() : entry.responses();
        Map<String, BigDecimal> scores = Map.of();
        try {
            scores = instrument.score(responses);
        } catch (ValidationFailedException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return scores;
    }

    private void vasCheck(JpaVisitRepository repo, Subject subject, Visit visit, CravingAssessment assessment,
                          Actor actor) {
        if (!assessment.instrumentCode().equals("VAS")) {
            return;
        }
        List<CravingAssessment> earlier = repo.earlierCravings(subject, "VAS", visit.definition().ordinal());
        if (earlier.isEmpty()) {
            return;
        }
        CravingAssessment previous = earlier.get(0);
        SoftEditChecks.vasChange(previous.visit().definition().code(), previous.responses().get("vas"),
                assessment.responses().get("vas")).ifPresent(text -> new QueryRaiser(em, clock).raise(subject,
                "visit:" + visit.definition().code() + "/craving:VAS/responses.vas", text, actor));
    }

    private void checkVisitDate(Subject subject, LocalDate date) {
        if (date == null) {
            throw new ValidationFailedException("date", "is required for a visit that took place");
        }
        LocalDate today = LocalDate.now(clock.withZone(subject.site().timeZone()));
        if (date.isAfter(today)) {
            throw new ValidationFailedException("date", "cannot be in the future");
        }
        if (date.isBefore(subject.consentDate())) {
            throw new ValidationFailedException("date", "cannot be before the consent date " + subject.consentDate());
        }
        if (subject.status() == SubjectStatus.SCREEN_FAILED) {
            throw new ConflictException("illegal-transition", "Subject " + subject.screeningNumber()
                    + " failed screening; no further visits can be recorded");
        }
    }

    private boolean hasForms(JpaVisitRepository repo, Visit visit) {
        return !repo.cravings(visit).isEmpty() || !repo.screens(visit).isEmpty() || repo.adherence(visit).isPresent();
    }

    static Visit requireVisit(JpaVisitRepository repo, Subject subject, String visitCode) {
        return repo.visit(subject, visitCode).orElseThrow(() -> new UnknownEntityException("visit", visitCode));
    }

    static Visit requireDoneVisit(JpaVisitRepository repo, Subject subject, String visitCode) {
        Visit visit = requireVisit(repo, subject, visitCode);
        if (visit.status() != VisitStatus.DONE) {
            throw new ValidationFailedException("visit", "record the date of visit " + visitCode
                    + " before entering its forms (it is " + visit.status() + ")");
        }
        return visit;
    }

    private static Instrument instrument(String code) {
        if (code == null) {
            throw new ValidationFailedException("instrument", "is required (one of " + InstrumentCatalog.SHIPPED + ")");
        }
        return INSTRUMENTS.find(code).orElseThrow(() -> new ValidationFailedException("instrument",
                "unknown instrument '" + code + "' (one of " + InstrumentCatalog.SHIPPED + ")"));
    }

    /** The baseline (week 0) date, once the baseline visit took place. */
    public static Optional<LocalDate> baseline(List<? extends ScheduledVisit> visits) {
        return visits.stream().filter(v -> v.definition().targetDay() == 0 && v.definition().week().isPresent())
                .findFirst().flatMap(ScheduledVisit::visitDate);
    }
}
