package org.stimtrial.demo;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Study;
import org.stimtrial.user.AppUser;
import org.stimtrial.user.PasswordHashes;

/** Creates the demo users that do not exist yet, with PBKDF2-hashed passwords, and assigns their sites. */
@Stateless
public class DemoUserWriter {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;

    public void createMissing() {
        for (DemoUsers.DemoUser u : DemoUsers.ALL) {
            if (em.find(AppUser.class, u.username()) == null) {
                em.persist(new AppUser(u.username(), u.fullName(), PasswordHashes.hash(u.password().toCharArray()),
                        u.roles()));
            }
        }
    }

    /** Assigns the demo coordinators and investigator to their sites of the demo study. */
    public void assignSites(String protocolCode) {
        JpaStudyRepository studies = new JpaStudyRepository(em);
        Study study = studies.findStudy(protocolCode).orElseThrow();
        for (DemoUsers.DemoUser u : DemoUsers.ALL) {
            AppUser user = em.find(AppUser.class, u.username());
            u.sites().forEach(code -> user.assign(studies.findSite(study, code).orElseThrow()));
        }
    }
}
