package org.stimtrial.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles of the application. Who a caller is is decided by {@link TrialAuthenticationMechanism}: the login form
 * for the web UI, HTTP Basic or a bearer token for the API, all checked by the login service (PBKDF2 hashes in the
 * users table, lockout, audited sign-ins).
 */
@DeclareRoles({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN", "SPONSOR",
        "ADMINISTRATOR"})
@ApplicationScoped
public class SecurityConfiguration {
}
