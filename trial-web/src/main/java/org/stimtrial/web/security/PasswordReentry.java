package org.stimtrial.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.stimtrial.login.LoginService;
import org.stimtrial.shared.NotPermittedException;

/**
 * Re-checks the logged-in user's password before an act that must be attributable to them (Part 11 §11.200: an
 * electronic signature, an emergency unblinding). A wrong password counts towards the lockout.
 */
@RequestScoped
public class PasswordReentry {
    @Inject
    private CurrentActor actor;
    @Inject
    private LoginService login;
    @Inject
    private HttpServletRequest request;

    /** Throws (403 with a problem body) unless the password is the caller's; {@code purpose} goes to the audit. */
    public void check(String password, String purpose) {
        String user = actor.api().username();
        if (!login.confirm(user, password.toCharArray(), purpose, request.getRemoteAddr()).isAuthenticated()) {
            throw new NotPermittedException("password-mismatch",
                    "The password you entered again does not match your account (repeated failures lock it)");
        }
    }
}
