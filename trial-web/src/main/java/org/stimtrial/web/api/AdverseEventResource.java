package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.stimtrial.visit.AdverseEventEntry;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.AdverseEventTerms.ActionTaken;
import org.stimtrial.visit.AdverseEventTerms.Outcome;
import org.stimtrial.visit.AdverseEventTerms.Relatedness;
import org.stimtrial.visit.FormViews.AdverseEventView;
import org.stimtrial.web.api.Requests.AdverseEventRequest;
import org.stimtrial.web.security.CurrentActor;

/** A participant's adverse events. */
@Path("studies/{study}/subjects/{number}/adverse-events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdverseEventResource {
    @EJB
    private AdverseEventService events;
    @Inject
    private CurrentActor actor;

    @GET
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public List<AdverseEventView> list(@PathParam("study") String study, @PathParam("number") String number) {
        return events.list(study, number);
    }

    @POST
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public Response add(@PathParam("study") String study, @PathParam("number") String number,
                        @Valid @Required AdverseEventRequest r) {
        return Response.status(Response.Status.CREATED).entity(events.add(study, number, entry(r), actor.api()))
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public AdverseEventView change(@PathParam("study") String study, @PathParam("number") String number,
                                   @PathParam("id") long id, @Valid @Required AdverseEventRequest r) {
        return events.change(study, number, id, entry(r), r.version(), r.reason(), actor.api());
    }

    private static AdverseEventEntry entry(AdverseEventRequest r) {
        return new AdverseEventEntry(r.term(), r.onsetDate(), Optional.ofNullable(r.endDate()), r.severity(),
                r.serious(), Codes.parse(Relatedness.class, "relatedness", r.relatedness()),
                Codes.parse(ActionTaken.class, "actionTaken", r.actionTaken()),
                Codes.parse(Outcome.class, "outcome", r.outcome()));
    }
}
