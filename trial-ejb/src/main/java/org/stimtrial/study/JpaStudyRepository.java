package org.stimtrial.study;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** {@link StudyRepository} on JPA. */
public class JpaStudyRepository implements StudyRepository {
    private final EntityManager em;

    public JpaStudyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Study> findStudy(String protocolCode) {
        return em.createQuery("SELECT s FROM Study s WHERE s.protocolCode = :c", Study.class)
                .setParameter("c", protocolCode).getResultStream().findFirst();
    }

    @Override
    public List<Study> studies() {
        return em.createQuery("SELECT s FROM Study s ORDER BY s.protocolCode", Study.class).getResultList();
    }

    @Override
    public List<Arm> arms(Study study) {
        return em.createQuery("SELECT a FROM Arm a WHERE a.study = :s ORDER BY a.code", Arm.class)
                .setParameter("s", study).getResultList();
    }

    @Override
    public List<Site> sites(Study study) {
        return em.createQuery("SELECT s FROM Site s WHERE s.study = :s ORDER BY s.code", Site.class)
                .setParameter("s", study).getResultList();
    }

    @Override
    public Optional<Site> findSite(Study study, String siteCode) {
        return em.createQuery("SELECT s FROM Site s WHERE s.study = :s AND s.code = :c", Site.class)
                .setParameter("s", study).setParameter("c", siteCode).getResultStream().findFirst();
    }

    @Override
    public List<VisitDefinition> schedule(Study study) {
        return em.createQuery("SELECT v FROM VisitDefinition v WHERE v.study = :s ORDER BY v.ordinal",
                VisitDefinition.class).setParameter("s", study).getResultList();
    }

    @Override
    public Optional<VisitDefinition> findVisitDefinition(Study study, String visitCode) {
        return em.createQuery("SELECT v FROM VisitDefinition v WHERE v.study = :s AND v.code = :c",
                VisitDefinition.class).setParameter("s", study).setParameter("c", visitCode)
                .getResultStream().findFirst();
    }

    @Override
    public void add(Object studyConfigurationEntity) {
        em.persist(studyConfigurationEntity);
    }
}
