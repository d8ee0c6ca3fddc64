package org.stimtrial.visit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.Subjects;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.FormViews.UrineScreenView;

/** Entering urine drug screens: one record per specimen, per-analyte results by LOINC code, audited. */
@Stateless
public class UrineScreenService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public UrineScreenService() {
    }

    public UrineScreenService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public List<UrineScreenView> screens(String study, String screeningNumber, String visitCode) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        return repo.screens(VisitService.requireVisit(repo, subject, visitCode)).stream()
                .map(UrineScreenView::of).toList();
    }

    /** First save of a specimen's results at a visit. */
    public UrineScreenView addScreen(String study, String screeningNumber, String visitCode, UrineScreenEntry entry,
                                     Actor actor) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        Visit visit = VisitService.requireDoneVisit(repo, subject, visitCode);
        check(entry, true);
        if (repo.screen(visit, entry.specimenId()).isPresent()) {
            throw new ConflictException("duplicate", "Specimen " + entry.specimenId()
                    + " is already entered at visit " + visitCode + "; change it with PUT, giving a reason");
        }
        List<UrineDrugScreen> existing = repo.screens(visit);
        if (existing.size() >= visit.definition().urineScreens()) {
            throw new ConflictException("too-many-screens", "Visit " + visitCode + " collects "
                    + visit.definition().urineScreens() + " urine screen(s); " + existing.size()
                    + " are already entered");
        }
        UrineDrugScreen screen = new UrineDrugScreen(visit, entry.specimenId(), entry.collectedAt(), entry.source(),
                entry.validity(), entry.results());
        repo.add(screen);
        new AuditTrail(em, clock).inserted(actor, screen);
        return UrineScreenView.of(screen);
    }

    /** Changes a saved specimen's results: needs its version and a reason. */
    public UrineScreenView changeScreen(String study, String screeningNumber, String visitCode, String specimenId,
                                        UrineScreenEntry entry, Long version, String reason, Actor actor) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        JpaVisitRepository repo = new JpaVisitRepository(em);
        Visit visit = VisitService.requireVisit(repo, subject, visitCode);
        UrineDrugScreen screen = repo.screen(visit, specimenId)
                .orElseThrow(() -> new UnknownEntityException("specimen", specimenId));
        Reasons.requireVersion("Specimen " + specimenId, version, screen.version());
        String why = Reasons.require(reason);
        check(entry, false);
        if (entry.specimenId() != null && !entry.specimenId().equals(specimenId)) {
            throw new ValidationFailedException("specimenId", "a specimen id cannot be changed; enter a new specimen");
        }
        Map<String, String> before = screen.auditState();
        screen.record(entry.collectedAt(), entry.source(), entry.validity(), entry.results());
        new AuditTrail(em, clock).updated(actor, why, screen, before);
        Reasons.bumpVersion(em, screen, before);
        return UrineScreenView.of(screen);
    }

    private void check(UrineScreenEntry entry, boolean needsSpecimenId) {
        List<FieldError> errors = UrineScreenRules.problems(entry, needsSpecimenId, OffsetDateTime.now(clock));
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }
}
