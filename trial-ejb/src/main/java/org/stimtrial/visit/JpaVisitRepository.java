package org.stimtrial.visit;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.stimtrial.subject.Subject;

/** Visits and visit forms on JPA. */
public class JpaVisitRepository {
    private final EntityManager em;

    public JpaVisitRepository(EntityManager em) {
        this.em = em;
    }

    public List<Visit> visits(Subject subject) {
        return em.createQuery("SELECT v FROM Visit v WHERE v.subject = :s ORDER BY v.definition.ordinal", Visit.class)
                .setParameter("s", subject).getResultList();
    }

    public Optional<Visit> visit(Subject subject, String visitCode) {
        return em.createQuery("SELECT v FROM Visit v WHERE v.subject = :s AND v.definition.code = :c", Visit.class)
                .setParameter("s", subject).setParameter("c", visitCode).getResultStream().findFirst();
    }

    public List<CravingAssessment> cravings(Visit visit) {
        return em.createQuery("SELECT c FROM CravingAssessment c WHERE c.visit = :v ORDER BY c.instrumentCode",
                CravingAssessment.class).setParameter("v", visit).getResultList();
    }

    public Optional<CravingAssessment> craving(Visit visit, String instrument) {
        return em.createQuery("SELECT c FROM CravingAssessment c WHERE c.visit = :v AND c.instrumentCode = :i",
                CravingAssessment.class).setParameter("v", visit).setParameter("i", instrument)
                .getResultStream().findFirst();
    }

    /** The subject's assessments with one instrument at visits before {@code ordinal}, latest first. */
    public List<CravingAssessment> earlierCravings(Subject subject, String instrument, int ordinal) {
        return em.createQuery("SELECT c FROM CravingAssessment c WHERE c.visit.subject = :s"
                        + " AND c.instrumentCode = :i AND c.visit.definition.ordinal < :o"
                        + " ORDER BY c.visit.definition.ordinal DESC", CravingAssessment.class)
                .setParameter("s", subject).setParameter("i", instrument).setParameter("o", ordinal)
                .getResultList();
    }

    public List<UrineDrugScreen> screens(Visit visit) {
        return em.createQuery("SELECT u FROM UrineDrugScreen u WHERE u.visit = :v ORDER BY u.collectedAt",
                UrineDrugScreen.class).setParameter("v", visit).getResultList();
    }

    public Optional<UrineDrugScreen> screen(Visit visit, String specimenId) {
        return em.createQuery("SELECT u FROM UrineDrugScreen u WHERE u.visit = :v AND u.specimenId = :sp",
                UrineDrugScreen.class).setParameter("v", visit).setParameter("sp", specimenId)
                .getResultStream().findFirst();
    }

    public Optional<MedicationAdherence> adherence(Visit visit) {
        return em.createQuery("SELECT m FROM MedicationAdherence m WHERE m.visit = :v", MedicationAdherence.class)
                .setParameter("v", visit).getResultStream().findFirst();
    }

    public List<AdverseEvent> adverseEvents(Subject subject) {
        return em.createQuery("SELECT a FROM AdverseEvent a WHERE a.subject = :s ORDER BY a.onsetDate, a.id",
                AdverseEvent.class).setParameter("s", subject).getResultList();
    }

    public void add(Object form) {
        em.persist(form);
    }
}
