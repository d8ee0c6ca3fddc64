package org.stimtrial.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Site scoping for every endpoint at once: any request addressing a participant ({@code {number}} in the path) or a
 * query ({@code queries/{id}}) outside the caller's sites is answered exactly as if it did not exist (404, the same
 * problem body), before the resource method runs and before its body is read, so that neither the status nor the
 * body tells a participant of another site from a screening number never used. New endpoints under those paths are
 * covered without change.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class SiteScopeFilter implements ContainerRequestFilter {
    @Inject
    private CurrentActor actor;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            return;
        }
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        String study = params.getFirst("study");
        if (study == null) {
            return;
        }
        String number = params.getFirst("number");
        if (number != null) {
            actor.requireVisible(study, number);
        }
        String id = params.getFirst("id");
        if (id != null && request.getUriInfo().getPath().contains("/queries/") && id.matches("\\d{1,18}")) {
            actor.requireQueryVisible(study, Long.parseLong(id));
        }
    }
}
