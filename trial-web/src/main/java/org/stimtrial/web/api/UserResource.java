package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.stimtrial.login.LoginService;
import org.stimtrial.web.api.Requests.UnlockRequest;
import org.stimtrial.web.security.CurrentActor;

/** User administration: an administrator lifts a lockout, with a reason that goes into the audit trail. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    @Inject
    private LoginService login;
    @Inject
    private CurrentActor actor;

    @POST
    @Path("{username}/unlock")
    @RolesAllowed("ADMINISTRATOR")
    public Response unlock(@PathParam("username") String username, @Valid @Required UnlockRequest r) {
        login.unlock(actor.api(), username, r.reason().strip());
        return Response.noContent().build();
    }
}
