package org.stimtrial.subject;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Site;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;
import org.stimtrial.study.StudyRepository;
import org.stimtrial.study.VisitDefinition;
import org.stimtrial.visit.Visit;

/** Screening participants and moving them through their status lifecycle, audited. */
@Stateless
public class SubjectService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public SubjectService() {
    }

    public SubjectService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Screens a new participant and schedules every visit of the protocol for them. */
    public SubjectView screen(String protocolCode, ScreeningEntry entry, Actor actor) {
        StudyRepository studies = new JpaStudyRepository(em);
        Study study = Studies.require(studies, protocolCode);
        Site site = entry.siteCode() == null ? null : studies.findSite(study, entry.siteCode()).orElse(null);
        LocalDate today = LocalDate.now(site == null ? clock : clock.withZone(site.timeZone()));
        List<FieldError> errors = new java.util.ArrayList<>(entry.check(today));
        if (site == null && entry.siteCode() != null && !entry.siteCode().isBlank()) {
            errors.add(new FieldError("site", "no site '" + entry.siteCode() + "' in study " + protocolCode));
        } else if (site != null && !site.isActive()) {
            errors.add(new FieldError("site", "site " + site.code() + " is not active"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        SubjectRepository subjects = new JpaSubjectRepository(em);
        ScreeningNumber number = new ScreeningNumber(entry.screeningNumber());
        if (subjects.find(study, number).isPresent()) {
            throw new ConflictException("duplicate", "Screening number " + number + " is already used in study "
                    + protocolCode);
        }
        Subject subject = new Subject(study, site, number, entry.sex(), entry.yearOfBirth(), entry.consentDate());
        subjects.add(subject);
        AuditTrail audit = new AuditTrail(em, clock);
        audit.inserted(actor, subject);
        for (VisitDefinition definition : studies.schedule(study)) {
            Visit visit = new Visit(subject, definition);
            em.persist(visit);
            audit.inserted(actor, visit);
        }
        return SubjectView.of(subject);
    }

    /** Changes the subject's status (eligibility, screen failure, completion, withdrawal, loss to follow-up). */
    public SubjectView changeStatus(String protocolCode, String screeningNumber, SubjectStatus target,
                                    LocalDate date, String reason, Actor actor) {
        if (target == SubjectStatus.RANDOMIZED) {
            throw new ConflictException("illegal-transition",
                    "A subject becomes RANDOMIZED only by being allocated an arm and a kit, not by a status change");
        }
        return moveTo(protocolCode, screeningNumber, target, date, reason, actor);
    }

    /** Records that an eligible subject was randomized on {@code date}; called by the allocation that did it. */
    public SubjectView randomized(String protocolCode, String screeningNumber, LocalDate date, Actor actor) {
        return moveTo(protocolCode, screeningNumber, SubjectStatus.RANDOMIZED, date, null, actor);
    }

    private SubjectView moveTo(String protocolCode, String screeningNumber, SubjectStatus target, LocalDate date,
                               String reason, Actor actor) {
        Subject subject = require(protocolCode, screeningNumber);
        LocalDate today = LocalDate.now(clock.withZone(subject.site().timeZone()));
        if (date == null) {
            throw new ValidationFailedException("date", "is required");
        }
        if (date.isAfter(today)) {
            throw new ValidationFailedException("date", "cannot be in the future");
        }
        Map<String, String> before = subject.auditState();
        subject.moveTo(target, date, reason);
        new AuditTrail(em, clock).updated(actor, reason, subject, before);
        return SubjectView.of(subject);
    }

    public List<SubjectView> list(String protocolCode, Optional<String> siteCode, Optional<SubjectStatus> status) {
        Study study = Studies.require(new JpaStudyRepository(em), protocolCode);
        return new JpaSubjectRepository(em).list(study, siteCode, status).stream().map(SubjectView::of).toList();
    }

    public SubjectView get(String protocolCode, String screeningNumber) {
        return SubjectView.of(require(protocolCode, screeningNumber));
    }

    Subject require(String protocolCode, String screeningNumber) {
        return Subjects.require(em, protocolCode, screeningNumber);
    }
}
