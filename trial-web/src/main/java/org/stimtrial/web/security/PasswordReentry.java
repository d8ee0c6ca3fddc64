package org.stimtrial.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.user.AccessService;

/**
 * Re-checks the logged-in user's password before an act that must be attributable to them (Part 11 §11.200: an
 * electronic signature, an emergency unblinding), against the stored PBKDF2 hash.
 */
@RequestScoped
public class PasswordReentry {
    @Inject
    private CurrentActor actor;
    @EJB
    private AccessService access;
    @Inject
    private Pbkdf2PasswordHash hash;

    /** Throws (403 with a problem body) unless the password is the caller's. */
    public void check(String password) {
        String user = actor.api().username();
        boolean ok = access.passwordHash(user).map(h -> hash.verify(password.toCharArray(), h)).orElse(false);
        if (!ok) {
            throw new NotPermittedException("password-mismatch",
                    "The password you entered again does not match your account");
        }
    }
}
