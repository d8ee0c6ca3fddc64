package org.stimtrial.query;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.Subjects;

/** Raising, answering and closing data queries. */
@Stateless
public class QueryService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public QueryService() {
    }

    public QueryService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Queries of a study, optionally of one subject and one status, oldest first. */
    public List<QueryView> list(String protocolCode, Optional<String> screeningNumber, Optional<QueryStatus> status) {
        Study study = Studies.require(new JpaStudyRepository(em), protocolCode);
        Optional<Subject> subject = screeningNumber.map(n -> Subjects.require(em, protocolCode, n));
        StringBuilder jpql = new StringBuilder("SELECT q FROM DataQuery q WHERE q.subject.study = :st");
        subject.ifPresent(s -> jpql.append(" AND q.subject = :su"));
        status.ifPresent(s -> jpql.append(" AND q.status = :status"));
        jpql.append(" ORDER BY q.createdAt, q.id");
        TypedQuery<DataQuery> q = em.createQuery(jpql.toString(), DataQuery.class).setParameter("st", study);
        subject.ifPresent(s -> q.setParameter("su", s));
        status.ifPresent(s -> q.setParameter("status", s));
        return q.getResultList().stream().map(QueryView::of).toList();
    }

    public QueryView get(String protocolCode, long id) {
        return QueryView.of(require(protocolCode, id));
    }

    /** A data manager raises a query by hand on an item of a subject's data. */
    public QueryView raise(String protocolCode, String screeningNumber, String itemRef, String text, Actor actor) {
        Subject subject = Subjects.require(em, protocolCode, screeningNumber);
        return QueryView.of(new QueryRaiser(em, clock).raise(subject, itemRef, text, QueryOrigin.MANUAL, actor));
    }

    /** Adds a message (comment, answer, close, reopen) to a query's thread. */
    public QueryView post(String protocolCode, long id, QueryAction action, String message, Actor actor) {
        DataQuery query = require(protocolCode, id);
        if (action == null) {
            throw new org.stimtrial.shared.ValidationFailedException("action",
                    "is required (COMMENT, ANSWER, CLOSE or REOPEN)");
        }
        Map<String, String> before = query.auditState();
        query.post(actor.username(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS), action, message);
        new AuditTrail(em, clock).updated(actor, message, query, before);
        em.flush();
        return QueryView.of(query);
    }

    private DataQuery require(String protocolCode, long id) {
        DataQuery query = em.find(DataQuery.class, id);
        if (query == null || !query.subject().study().protocolCode().equals(protocolCode)) {
            throw new UnknownEntityException("query", id);
        }
        return query;
    }
}
