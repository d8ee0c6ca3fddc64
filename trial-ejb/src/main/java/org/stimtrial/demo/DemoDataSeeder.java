package org.stimtrial.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.Source;
import org.stimtrial.demo.DemoPlan.DemoSubject;
import org.stimtrial.randomization.RandomizationService;
import org.stimtrial.randomization.SchemeSetup;

/**
 * Loads the demo study and the demo users into an empty database at start-up when {@code trial.demo.enabled} is true
 * (the run script sets it; production leaves it off). Does nothing when a study already exists.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoDataSeeder {
    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());
    private static final long SEED = 20261122L;
    private static final int SCREENED = 110;

    @Inject
    @ConfigProperty(name = "trial.demo.enabled", defaultValue = "false")
    private boolean enabled;
    @Inject
    private Clock clock;
    @EJB
    private DemoSubjectWriter writer;
    @EJB
    private DemoUserWriter users;
    @EJB
    private RandomizationService randomization;
    @PersistenceContext(unitName = "trial")
    private EntityManager em;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        users.createMissing();
        long studies = em.createQuery("SELECT COUNT(s) FROM Study s", Long.class).getSingleResult();
        if (studies > 0) {
            return;
        }
        long start = System.nanoTime();
        DemoPlan plan = new DemoStudyGenerator(SEED, LocalDate.now(clock).minusDays(1)).generate(SCREENED);
        writer.createStudy(plan.study());
        for (DemoSubject subject : plan.subjects()) {
            writer.write(plan.study().protocolCode(), subject);
        }
        users.assignSites(plan.study().protocolCode());
        randomization.configure(plan.study().protocolCode(), new SchemeSetup.Blocks(List.of(
                new SchemeSetup.Factor(SchemeSetup.Factor.SITE, List.of()),
                new SchemeSetup.Factor("severity", List.of("low", "high"))), List.of(1, 2), 50, Optional.empty()),
                Actor.of("demo", Source.DEMO));
        LOG.info(() -> String.format("Demo study %s loaded: %d participants in %.1f s (their allocations are"
                + " DEMO_ONLY; new participants are randomized from a stratified block list with a fresh secret"
                + " seed)", plan.study().protocolCode(), plan.subjects().size(), (System.nanoTime() - start) / 1e9));
    }
}
