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
import java.util.Map;
import java.util.Optional;
import org.stimtrial.randomization.RandomizationService;
import org.stimtrial.randomization.RandomizationViews.AlertView;
import org.stimtrial.randomization.RandomizationViews.ListEntry;
import org.stimtrial.randomization.RandomizationViews.Randomized;
import org.stimtrial.randomization.RandomizationViews.SchemeView;
import org.stimtrial.randomization.RandomizationViews.UnblindedAllocation;
import org.stimtrial.randomization.RandomizationViews.Unblinded;
import org.stimtrial.randomization.RandomizationViews.UnblindingView;
import org.stimtrial.randomization.SchemeSetup;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.web.api.Requests.RandomizeRequest;
import org.stimtrial.web.api.Requests.SchemeRequest;
import org.stimtrial.web.api.Requests.UnblindingRequest;
import org.stimtrial.web.security.CurrentActor;
import org.stimtrial.web.security.PasswordReentry;

/**
 * The study's randomization for the unblinded statistician: configure the scheme, read the list, the allocations
 * and the alerts. The report of emergency unblindings (no arms) is also open to data managers.
 */
@Path("studies/{study}/randomization")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RandomizationResource {
    @EJB
    private RandomizationService randomization;
    @Inject
    private CurrentActor actor;

    @POST
    @Path("scheme")
    @RolesAllowed("UNBLINDED_STATISTICIAN")
    public Response configure(@PathParam("study") String study, @Valid @Required SchemeRequest r) {
        List<SchemeSetup.Factor> factors = r.factors().stream()
                .map(f -> new SchemeSetup.Factor(f.name(), f.levels() == null ? List.of() : f.levels())).toList();
        SchemeSetup setup = switch (r.method()) {
            case "PERMUTED_BLOCKS" -> new SchemeSetup.Blocks(factors,
                    r.blockMultiples() == null ? List.of(1, 2) : r.blockMultiples(),
                    r.entriesPerStratum() == null ? 100 : r.entriesPerStratum(), Optional.ofNullable(r.seed()));
            case "MINIMIZATION" -> new SchemeSetup.Minimize(factors, r.weights() == null ? Map.of() : r.weights(),
                    r.probability() == null ? 0.8 : r.probability(),
                    r.kitsPerArm() == null ? 100 : r.kitsPerArm(), Optional.ofNullable(r.seed()));
            default -> throw new ValidationFailedException("method", "must be PERMUTED_BLOCKS or MINIMIZATION");
        };
        SchemeView created = randomization.configure(study, setup, actor.api());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("unblinding-events")
    @RolesAllowed({"DATA_MANAGER", "UNBLINDED_STATISTICIAN"})
    public List<UnblindingView> unblindings(@PathParam("study") String study) {
        return randomization.unblindings(study);
    }

    @GET
    @Path("scheme")
    @RolesAllowed("UNBLINDED_STATISTICIAN")
    public SchemeView scheme(@PathParam("study") String study) {
        return randomization.scheme(study);
    }

    @GET
    @Path("list")
    @RolesAllowed("UNBLINDED_STATISTICIAN")
    public List<ListEntry> list(@PathParam("study") String study) {
        return randomization.allocationList(study);
    }

    @GET
    @Path("allocations")
    @RolesAllowed("UNBLINDED_STATISTICIAN")
    public List<UnblindedAllocation> allocations(@PathParam("study") String study) {
        return randomization.allocations(study);
    }

    @GET
    @Path("alerts")
    @RolesAllowed("UNBLINDED_STATISTICIAN")
    public List<AlertView> alerts(@PathParam("study") String study) {
        return randomization.alerts(study);
    }
}
