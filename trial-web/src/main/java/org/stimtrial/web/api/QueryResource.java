package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.query.QueryAction;
import org.stimtrial.query.QueryService;
import org.stimtrial.query.QueryStatus;
import org.stimtrial.query.QueryView;
import org.stimtrial.user.Role;
import org.stimtrial.user.SiteScope;
import org.stimtrial.web.api.Requests.QueryMessageRequest;
import org.stimtrial.web.api.Requests.QueryRequest;
import org.stimtrial.web.problem.Problem;
import org.stimtrial.web.security.CurrentActor;

/** Data queries: data managers raise and close them, sites answer them. */
@Path("studies/{study}/queries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER"})
public class QueryResource {
    @EJB
    private QueryService queries;
    @Inject
    private CurrentActor actor;

    @GET
    public List<QueryView> list(@PathParam("study") String study, @QueryParam("subject") String subject,
                                @QueryParam("status") String status) {
        SiteScope scope = actor.scope();
        if (subject != null) {
            actor.requireVisible(study, subject);
        }
        return queries.list(study, Optional.ofNullable(subject),
                Optional.ofNullable(status).map(s -> Codes.parse(QueryStatus.class, "status", s))).stream()
                .filter(q -> q.site() == null || scope.allows(study, q.site())).toList();
    }

    @GET
    @Path("{id}")
    public QueryView get(@PathParam("study") String study, @PathParam("id") long id) {
        return queries.get(study, id);
    }

    @POST
    @RolesAllowed("DATA_MANAGER")
    public Response raise(@PathParam("study") String study, @Valid @Required QueryRequest r) {
        return Response.status(Response.Status.CREATED)
                .entity(queries.raise(study, r.subject(), r.itemRef(), r.text(), actor.api())).build();
    }

    @POST
    @Path("{id}/messages")
    public Response post(@PathParam("study") String study, @PathParam("id") long id,
                         @Valid @Required QueryMessageRequest r) {
        QueryAction action = Codes.parse(QueryAction.class, "action", r.action());
        Set<QueryAction> allowed = QueryAction.allowedFor(actor.hasRole(Role.DATA_MANAGER));
        if (!allowed.contains(action)) {
            return Problem.of("forbidden", "Not allowed", 403, "Your role may " + allowed + " a query, not "
                    + action).toResponse();
        }
        return Response.ok(queries.post(study, id, action, r.message(), actor.api())).build();
    }
}
