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
import org.stimtrial.randomization.RandomizationService;
import org.stimtrial.randomization.RandomizationViews.Unblinded;
import org.stimtrial.web.api.Requests.UnblindingRequest;
import org.stimtrial.web.security.CurrentActor;
import org.stimtrial.web.security.PasswordReentry;

/**
 * Emergency unblinding: an investigator of the participant's site, with a reason and the password entered again,
 * learns that one participant's arm. The event is audited and appears in the unblinding report.
 */
@Path("studies/{study}/subjects/{number}/emergency-unblinding")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmergencyUnblindingResource {
    @EJB
    private RandomizationService randomization;
    @Inject
    private CurrentActor actor;
    @Inject
    private PasswordReentry password;

    @POST
    @RolesAllowed("INVESTIGATOR")
    public Unblinded unblind(@PathParam("study") String study, @PathParam("number") String number,
                             @Valid @Required UnblindingRequest r) {
        password.check(r.password(), "unblind " + number);
        return randomization.emergencyUnblind(study, number, r.reason(), actor.api());
    }
}
