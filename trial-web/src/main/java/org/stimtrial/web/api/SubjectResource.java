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
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Optional;
import org.stimtrial.audit.AuditService;
import org.stimtrial.audit.AuditView;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.subject.SubjectView;
import org.stimtrial.user.SiteScope;
import org.stimtrial.web.api.Requests.ScreeningRequest;
import org.stimtrial.web.api.Requests.StatusRequest;
import org.stimtrial.web.security.CurrentActor;

/** Participants: screening, status changes, and each participant's audit trail. */
@Path("studies/{study}/subjects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectResource {
    static final String[] READERS = {"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN",
            "UNBLINDED_STATISTICIAN"};

    @EJB
    private SubjectService subjects;
    @EJB
    private AuditService audit;
    @Inject
    private CurrentActor actor;

    @GET
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public List<SubjectView> list(@PathParam("study") String study, @QueryParam("site") String site,
                                  @QueryParam("status") String status) {
        SiteScope scope = actor.scope();
        return subjects.list(study, Optional.ofNullable(site),
                Optional.ofNullable(status).map(s -> Codes.parse(SubjectStatus.class, "status", s))).stream()
                .filter(v -> scope.allows(study, v.site())).toList();
    }

    @POST
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public Response screen(@PathParam("study") String study, @Valid @Required ScreeningRequest r) {
        if (r.site() != null && !actor.scope().allows(study, r.site())) {
            throw new ValidationFailedException("site", "no site '" + r.site() + "' in study " + study);
        }
        SubjectView created = subjects.screen(study, new ScreeningEntry(r.screeningNumber(), r.site(),
                Codes.parse(Sex.class, "sex", r.sex()), r.yearOfBirth(), r.consentDate()), actor.api());
        return Response.created(UriBuilder.fromPath("/api/studies/{study}/subjects/{n}")
                .build(study, created.screeningNumber())).entity(created).build();
    }

    @GET
    @Path("{number}")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public SubjectView get(@PathParam("study") String study, @PathParam("number") String number) {
        return subjects.get(study, number);
    }

    @POST
    @Path("{number}/status")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR"})
    public SubjectView changeStatus(@PathParam("study") String study, @PathParam("number") String number,
                                    @Valid @Required StatusRequest r) {
        return subjects.changeStatus(study, number, Codes.parse(SubjectStatus.class, "status", r.status()), r.date(),
                r.reason(), actor.api());
    }

    @GET
    @Path("{number}/audit")
    @RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER"})
    public List<AuditView> auditTrail(@PathParam("study") String study, @PathParam("number") String number) {
        return audit.subjectTrail(study, number);
    }
}
