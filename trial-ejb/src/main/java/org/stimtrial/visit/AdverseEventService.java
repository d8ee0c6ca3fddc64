package org.stimtrial.visit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.Subjects;
import org.stimtrial.visit.FormViews.AdverseEventView;

/** Entering and changing adverse events, audited. */
@Stateless
public class AdverseEventService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public AdverseEventService() {
    }

    public AdverseEventService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public List<AdverseEventView> list(String study, String screeningNumber) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        return new JpaVisitRepository(em).adverseEvents(subject).stream().map(AdverseEventView::of).toList();
    }

    public AdverseEventView add(String study, String screeningNumber, AdverseEventEntry entry, Actor actor) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        check(subject, entry);
        AdverseEvent event = new AdverseEvent(subject, entry);
        new JpaVisitRepository(em).add(event);
        new AuditTrail(em, clock).inserted(actor, event);
        return AdverseEventView.of(event);
    }

    public AdverseEventView change(String study, String screeningNumber, long eventId, AdverseEventEntry entry,
                                   Long version, String reason, Actor actor) {
        Subject subject = Subjects.require(em, study, screeningNumber);
        AdverseEvent event = em.find(AdverseEvent.class, eventId);
        if (event == null || event.subject().id() != subject.id()) {
            throw new UnknownEntityException("adverse event", eventId);
        }
        Reasons.requireVersion("Adverse event " + eventId, version, event.version());
        String why = Reasons.require(reason);
        check(subject, entry);
        Map<String, String> before = event.auditState();
        event.record(entry);
        new AuditTrail(em, clock).updated(actor, why, event, before);
        em.flush();
        return AdverseEventView.of(event);
    }

    private void check(Subject subject, AdverseEventEntry entry) {
        List<FieldError> errors = entry.check(LocalDate.now(clock.withZone(subject.site().timeZone())));
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }
}
