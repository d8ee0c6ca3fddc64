package org.stimtrial.subject;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.stimtrial.study.Study;

/** {@link SubjectRepository} on JPA. */
public class JpaSubjectRepository implements SubjectRepository {
    private final EntityManager em;

    public JpaSubjectRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Subject> find(Study study, ScreeningNumber screeningNumber) {
        return em.createQuery("SELECT s FROM Subject s WHERE s.study = :st AND s.screeningNumber = :n", Subject.class)
                .setParameter("st", study).setParameter("n", screeningNumber).getResultStream().findFirst();
    }

    @Override
    public List<Subject> list(Study study, Optional<String> siteCode, Optional<SubjectStatus> status) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM Subject s WHERE s.study = :st");
        siteCode.ifPresent(c -> jpql.append(" AND s.site.code = :site"));
        status.ifPresent(c -> jpql.append(" AND s.status = :status"));
        jpql.append(" ORDER BY s.screeningNumber.value");
        TypedQuery<Subject> q = em.createQuery(jpql.toString(), Subject.class).setParameter("st", study);
        siteCode.ifPresent(c -> q.setParameter("site", c));
        status.ifPresent(c -> q.setParameter("status", c));
        return q.getResultList();
    }

    @Override
    public void add(Subject subject) {
        em.persist(subject);
    }
}
