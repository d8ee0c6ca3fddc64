package org.stimtrial.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.EnumSet;
import java.util.Set;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.Source;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.user.AccessService;
import org.stimtrial.user.Role;
import org.stimtrial.user.SiteScope;

/** The logged-in user of this request, as the audit trail records them. */
@RequestScoped
public class CurrentActor {
    @Inject
    private SecurityContext security;
    @EJB
    private AccessService access;
    private SiteScope scope;

    public Actor api() {
        if (security.getCallerPrincipal() == null) {
            throw new IllegalStateException("no caller: the API is reachable only after authentication");
        }
        return Actor.of(security.getCallerPrincipal().getName(), Source.API);
    }

    /** The logged-in user of a web page request, as the audit trail records them (source UI). */
    public Actor ui() {
        return Actor.of(api().username(), Source.UI);
    }

    public boolean hasRole(Role role) {
        return security.isCallerInRole(role.name());
    }

    /** The caller's roles. */
    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (hasRole(r)) {
                roles.add(r);
            }
        }
        return roles;
    }

    /**
     * Fails with "not found" unless the participant exists within the caller's sites: a participant of another site
     * and one that does not exist get the same answer.
     */
    public void requireVisible(String protocolCode, String screeningNumber) {
        SiteScope s = scope();
        if (access.siteOfSubject(protocolCode, screeningNumber).filter(site -> s.allows(protocolCode, site))
                .isEmpty()) {
            throw new UnknownEntityException("subject", screeningNumber);
        }
    }

    /** Fails with "not found" unless the query is about a participant within the caller's sites. */
    public void requireQueryVisible(String protocolCode, long queryId) {
        SiteScope s = scope();
        if (!s.everySite() && access.siteOfQuery(protocolCode, queryId).filter(site -> !s.allows(protocolCode, site))
                .isPresent()) {
            throw new UnknownEntityException("query", queryId);
        }
    }

    /** Which sites' participants the caller may see (computed once per request). */
    public SiteScope scope() {
        if (scope == null) {
            scope = access.scope(api().username(), roles());
        }
        return scope;
    }
}
