package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.stimtrial.login.ApiTokenService;
import org.stimtrial.login.ApiTokenService.IssuedToken;
import org.stimtrial.login.ApiTokenService.TokenView;
import org.stimtrial.web.api.Requests.TokenRequest;
import org.stimtrial.web.security.CurrentActor;

/**
 * The caller's own API bearer tokens ({@code Authorization: Bearer stt_...}): issued once with their text, listed
 * without it, revoked at any time. A token carries its owner's roles and sites.
 */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN", "SPONSOR",
        "ADMINISTRATOR"})
public class TokenResource {
    @EJB
    private ApiTokenService tokens;
    @Inject
    private CurrentActor actor;

    @POST
    public Response issue(@Valid @Required TokenRequest r) {
        Duration validity = r.validHours() == null ? ApiTokenService.DEFAULT_VALIDITY
                : Duration.ofHours(Math.max(0, r.validHours()));
        IssuedToken issued = tokens.issue(actor.api(), r.label(), validity);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    public List<TokenView> mine() {
        return tokens.tokens(actor.api().username());
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(actor.api(), id);
        return Response.noContent().build();
    }
}
