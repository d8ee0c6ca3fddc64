package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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
import java.util.Map;
import org.stimtrial.randomization.RandomizationService;
import org.stimtrial.randomization.RandomizationViews.Randomized;
import org.stimtrial.web.api.Requests.RandomizeRequest;
import org.stimtrial.web.security.CurrentActor;

/** A site randomizes an eligible participant and is told the kit number to dispense, never the arm. */
@Path("studies/{study}/subjects/{number}/randomization")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectRandomizationResource {
    @EJB
    private RandomizationService randomization;
    @Inject
    private CurrentActor actor;

    @POST
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public Response randomize(@PathParam("study") String study, @PathParam("number") String number,
                              @Valid RandomizeRequest r) {
        Map<String, String> strata = r == null || r.strata() == null ? Map.of() : r.strata();
        Randomized done = randomization.randomize(study, number, strata, r == null ? null : r.date(), actor.api());
        return Response.status(Response.Status.CREATED).entity(done).build();
    }
}
