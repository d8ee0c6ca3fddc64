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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.stimtrial.signature.SignatureMeaning;
import org.stimtrial.signature.SignatureService;
import org.stimtrial.signature.SignatureView;
import org.stimtrial.web.api.Requests.SignatureRequest;
import org.stimtrial.web.security.CurrentActor;
import org.stimtrial.web.security.PasswordReentry;

/**
 * Electronic signatures of a participant's visits and casebook: an investigator of the site signs with the password
 * entered again; everyone who may read the participant's data sees the signatures and whether they still hold.
 */
@Path("studies/{study}/subjects/{number}/signatures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignatureResource {
    @EJB
    private SignatureService signatures;
    @Inject
    private CurrentActor actor;
    @Inject
    private PasswordReentry password;

    @GET
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public List<SignatureView> signatures(@PathParam("study") String study, @PathParam("number") String number) {
        return signatures.signatures(study, number);
    }

    @POST
    @RolesAllowed("INVESTIGATOR")
    public Response sign(@PathParam("study") String study, @PathParam("number") String number,
                         @Valid @Required SignatureRequest r) {
        SignatureMeaning meaning = Codes.parse(SignatureMeaning.class, "meaning", r.meaning());
        Optional<String> visit = Optional.ofNullable(r.visit()).filter(v -> !v.isBlank());
        password.check(r.password(), "sign " + number + visit.map(v -> " visit " + v).orElse(" casebook"));
        SignatureView signed = signatures.sign(actor.api(), study, number, visit, meaning);
        return Response.status(Response.Status.CREATED).entity(signed).build();
    }
}
