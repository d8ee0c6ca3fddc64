package org.stimtrial.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import org.stimtrial.web.problem.Problem;

/**
 * Enforces {@link RolesAllowed} on resource methods (or their class): a caller without one of the roles gets 403 with
 * a problem body. Every API resource must declare its roles; one that does not is refused to everyone.
 */
@Provider
public class RoleCheck implements DynamicFeature {
    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (resource.getResourceClass().getPackageName().startsWith("org.stimtrial.web.api")) {
            context.register(new Filter(allowed == null ? new String[0] : allowed.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {
        private final String[] roles;

        Filter(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Problem.of("unauthenticated", "Login required", 401,
                        "Log in with your user name and password (HTTP Basic)").toResponse());
                return;
            }
            if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                request.abortWith(Problem.of("forbidden", "Not allowed", 403,
                        "Your role does not allow this action").toResponse());
            }
        }
    }
}
