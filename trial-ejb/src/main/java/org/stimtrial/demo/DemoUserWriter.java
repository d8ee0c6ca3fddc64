package org.stimtrial.demo;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.stimtrial.user.AppUser;

/** Creates the demo users that do not exist yet, with PBKDF2-hashed passwords. */
@Stateless
public class DemoUserWriter {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;

    public void createMissing(Pbkdf2PasswordHash hash) {
        for (DemoUsers.DemoUser u : DemoUsers.ALL) {
            if (em.find(AppUser.class, u.username()) == null) {
                em.persist(new AppUser(u.username(), u.fullName(), hash.generate(u.password().toCharArray()),
                        u.roles()));
            }
        }
    }
}
