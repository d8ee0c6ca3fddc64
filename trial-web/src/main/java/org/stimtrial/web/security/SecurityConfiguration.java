package org.stimtrial.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Who may call the API: HTTP Basic against the users table, passwords stored as PBKDF2 hashes, roles from the
 * user-role table. (Form login for the web UI, bearer tokens, lockout and login auditing come with the access-control
 * work.)
 */
@BasicAuthenticationMechanismDefinition(realmName = "StimTrial")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/trial",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND active = TRUE",
        groupsQuery = "SELECT role FROM app_user_role WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN", "SPONSOR",
        "ADMINISTRATOR"})
@ApplicationScoped
public class SecurityConfiguration {
}
