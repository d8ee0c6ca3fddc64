package org.stimtrial.randomization;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;

/** Writes alerts for the unblinded statistician in their own transaction, so a failed randomization still leaves one. */
@Stateless
@LocalBean
public class RandomizationAlerts implements AlertSink {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public RandomizationAlerts() {
    }

    public RandomizationAlerts(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void raise(String protocolCode, String kind, String stratum, String message, String raisedBy) {
        em.persist(new RandomizationAlert(Studies.require(new JpaStudyRepository(em), protocolCode), kind, stratum,
                message, raisedBy, OffsetDateTime.now(clock)));
    }
}
