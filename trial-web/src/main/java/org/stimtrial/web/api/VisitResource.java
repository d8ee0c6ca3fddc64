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
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.FormEntries.AdherenceEntry;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.FormViews.AdherenceView;
import org.stimtrial.visit.FormViews.CravingView;
import org.stimtrial.visit.FormViews.UrineScreenView;
import org.stimtrial.visit.FormViews.VisitView;
import org.stimtrial.visit.QualitativeResult;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitStatus;
import org.stimtrial.web.api.Requests.AdherenceRequest;
import org.stimtrial.web.api.Requests.AnalyteRequest;
import org.stimtrial.web.api.Requests.CravingRequest;
import org.stimtrial.web.api.Requests.UrineScreenRequest;
import org.stimtrial.web.api.Requests.VisitRequest;
import org.stimtrial.web.security.CurrentActor;

/** A participant's visits and the forms entered at them: craving instruments, urine screens, pill counts. */
@Path("studies/{study}/subjects/{number}/visits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitResource {
    @EJB
    private VisitService visits;
    @EJB
    private UrineScreenService screens;
    @Inject
    private CurrentActor actor;

    @GET
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public List<VisitView> visits(@PathParam("study") String study, @PathParam("number") String number) {
        return visits.visits(study, number);
    }

    @PUT
    @Path("{visit}")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public VisitView recordVisit(@PathParam("study") String study, @PathParam("number") String number,
                                 @PathParam("visit") String visit, @Valid @Required VisitRequest r) {
        return visits.recordVisit(study, number, visit,
                new VisitEntry(Codes.parse(VisitStatus.class, "status", r.status()), r.date()), r.version(),
                r.reason(), actor.api());
    }

    @GET
    @Path("{visit}/cravings")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public List<CravingView> cravings(@PathParam("study") String study, @PathParam("number") String number,
                                      @PathParam("visit") String visit) {
        return visits.cravings(study, number, visit);
    }

    @POST
    @Path("{visit}/cravings")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public Response addCraving(@PathParam("study") String study, @PathParam("number") String number,
                               @PathParam("visit") String visit, @Valid @Required CravingRequest r) {
        CravingView saved = visits.addCraving(study, number, visit,
                new CravingEntry(r.instrument(), r.assessedOn(), r.responses()), actor.api());
        return Response.status(Response.Status.CREATED).entity(saved).build();
    }

    @PUT
    @Path("{visit}/cravings/{instrument}")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public CravingView changeCraving(@PathParam("study") String study, @PathParam("number") String number,
                                     @PathParam("visit") String visit, @PathParam("instrument") String instrument,
                                     @Valid @Required CravingRequest r) {
        if (!instrument.equals(r.instrument())) {
            throw new ValidationFailedException("instrument", "the body names " + r.instrument()
                    + " but the address names " + instrument);
        }
        return visits.changeCraving(study, number, visit, new CravingEntry(r.instrument(), r.assessedOn(),
                r.responses()), r.version(), r.reason(), actor.api());
    }

    @GET
    @Path("{visit}/urine-screens")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public List<UrineScreenView> screens(@PathParam("study") String study, @PathParam("number") String number,
                                         @PathParam("visit") String visit) {
        return screens.screens(study, number, visit);
    }

    @POST
    @Path("{visit}/urine-screens")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public Response addScreen(@PathParam("study") String study, @PathParam("number") String number,
                              @PathParam("visit") String visit, @Valid @Required UrineScreenRequest r) {
        UrineScreenView saved = screens.addScreen(study, number, visit, entry(r), actor.api());
        return Response.status(Response.Status.CREATED).entity(saved).build();
    }

    @PUT
    @Path("{visit}/urine-screens/{specimen}")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public UrineScreenView changeScreen(@PathParam("study") String study, @PathParam("number") String number,
                                        @PathParam("visit") String visit, @PathParam("specimen") String specimen,
                                        @Valid @Required UrineScreenRequest r) {
        return screens.changeScreen(study, number, visit, specimen, entry(r), r.version(), r.reason(), actor.api());
    }

    @GET
    @Path("{visit}/adherence")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public AdherenceView adherence(@PathParam("study") String study, @PathParam("number") String number,
                                   @PathParam("visit") String visit) {
        return visits.adherence(study, number, visit)
                .orElseThrow(() -> new UnknownEntityException("pill count at visit", visit));
    }

    @PUT
    @Path("{visit}/adherence")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public AdherenceView recordAdherence(@PathParam("study") String study, @PathParam("number") String number,
                                         @PathParam("visit") String visit, @Valid @Required AdherenceRequest r) {
        return visits.recordAdherence(study, number, visit, new AdherenceEntry(r.unitsDispensed(),
                r.unitsReturned(), r.days(), r.unitsPerDay()), r.version(), r.reason(), actor.api());
    }

    private static UrineScreenEntry entry(UrineScreenRequest r) {
        List<AnalyteEntry> results = new java.util.ArrayList<>();
        for (int i = 0; i < r.results().size(); i++) {
            AnalyteRequest a = r.results().get(i);
            String field = "results[" + i + "]";
            Analyte analyte = Analyte.byLoinc(a.loinc()).orElseThrow(() -> new ValidationFailedException(
                    field + ".loinc", "unknown LOINC code '" + a.loinc() + "' (known: 19343-3, 19554-5, 76492-8)"));
            results.add(new AnalyteEntry(analyte, Codes.parse(QualitativeResult.class, field + ".result",
                    a.result()), Optional.ofNullable(a.cutoffNgMl())));
        }
        return new UrineScreenEntry(r.specimenId(), r.collectedAt(),
                Codes.parse(SpecimenSource.class, "source", r.source()),
                Codes.parse(SpecimenValidity.class, "validity", r.validity()), results);
    }
}
