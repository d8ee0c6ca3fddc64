package org.stimtrial.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.Source;
import org.stimtrial.user.Role;

/** The logged-in user of this request, as the audit trail records them. */
@RequestScoped
public class CurrentActor {
    @Inject
    private SecurityContext security;

    public Actor api() {
        if (security.getCallerPrincipal() == null) {
            throw new IllegalStateException("no caller: the API is reachable only after authentication");
        }
        return Actor.of(security.getCallerPrincipal().getName(), Source.API);
    }

    public boolean hasRole(Role role) {
        return security.isCallerInRole(role.name());
    }
}
