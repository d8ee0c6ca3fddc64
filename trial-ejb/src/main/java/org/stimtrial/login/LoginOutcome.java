package org.stimtrial.login;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.stimtrial.user.Role;

/** The answer to a sign-in attempt: who the caller is, or why they were turned away. */
public sealed interface LoginOutcome {
    /** Signed in, with the roles to tell the container. */
    record Authenticated(String username, String fullName, Set<Role> roles) implements LoginOutcome {
        public Authenticated {
            Objects.requireNonNull(username);
            Objects.requireNonNull(fullName);
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }
    }

    /** Turned away. The reason is for the audit trail and the tests; callers are told only that sign-in failed. */
    record Rejected(Reason reason) implements LoginOutcome {
        public Rejected {
            Objects.requireNonNull(reason);
        }
    }

    /** Why an attempt was turned away. */
    enum Reason {
        UNKNOWN_USER, WRONG_PASSWORD, INACTIVE, LOCKED, INVALID_TOKEN
    }

    default boolean isAuthenticated() {
        return this instanceof Authenticated;
    }
}
