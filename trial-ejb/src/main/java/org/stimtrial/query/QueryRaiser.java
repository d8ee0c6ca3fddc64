package org.stimtrial.query;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.subject.Subject;

/**
 * Raises a query from a soft edit check or an import, unless an open or answered query already points at the same
 * item with the same text (re-saving a form does not pile up duplicates).
 */
public class QueryRaiser {
    private final EntityManager em;
    private final Clock clock;

    public QueryRaiser(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void raise(Subject subject, String itemRef, String text, Actor actor) {
        raise(subject, itemRef, text, QueryOrigin.EDIT_CHECK, actor);
    }

    public DataQuery raise(Subject subject, String itemRef, String text, QueryOrigin origin, Actor actor) {
        return em.createQuery("SELECT q FROM DataQuery q WHERE q.subject = :s AND q.itemRef = :i"
                        + " AND q.status <> :closed AND q.text = :t", DataQuery.class)
                .setParameter("s", subject).setParameter("i", itemRef).setParameter("t", text)
                .setParameter("closed", QueryStatus.CLOSED).getResultStream().findFirst()
                .orElseGet(() -> {
                    DataQuery query = new DataQuery(subject, itemRef, text, origin,
                            origin == QueryOrigin.MANUAL ? actor.username() : "edit-check",
                            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                                    .truncatedTo(ChronoUnit.MICROS));
                    em.persist(query);
                    new AuditTrail(em, clock).inserted(actor, query);
                    return query;
                });
    }
}
