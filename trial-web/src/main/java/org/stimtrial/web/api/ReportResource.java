package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.stimtrial.audit.Actor;
import org.stimtrial.report.ReportService;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.StudyService;
import org.stimtrial.user.Role;
import org.stimtrial.web.security.CurrentActor;

/**
 * Excel reports of the data as of a cut-off (default today, UTC): the sponsor workbook (pooled, no arm) and the
 * listings (the arm column for the unblinded statistician only; the audit trail sheet for data managers).
 */
@Path("studies/{study}/reports")
@RequestScoped
public class ReportResource {
    @EJB
    private ReportService reports;
    @EJB
    private StudyService studies;
    @Inject
    private CurrentActor actor;

    @GET
    @Path("sponsor")
    @Produces(ReportService.XLSX)
    @RolesAllowed({"SPONSOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public Response sponsor(@PathParam("study") String study, @QueryParam("cutoff") String cutoff) {
        studies.study(study);
        LocalDate date = cutoff(cutoff);
        Actor who = actor.api();
        StreamingOutput body = out -> reports.sponsorWorkbook(study, date, who, out);
        return AnalysisRunResource.attachment(body, ReportService.sponsorName(study, date));
    }

    @GET
    @Path("listings")
    @Produces(ReportService.XLSX)
    @RolesAllowed({"DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
    public Response listings(@PathParam("study") String study, @QueryParam("cutoff") String cutoff) {
        studies.study(study);
        LocalDate date = cutoff(cutoff);
        Actor who = actor.api();
        boolean unblinded = actor.hasRole(Role.UNBLINDED_STATISTICIAN);
        boolean audit = actor.hasRole(Role.DATA_MANAGER);
        StreamingOutput body = out -> reports.listings(study, date, unblinded, audit, who, out);
        return AnalysisRunResource.attachment(body, ReportService.listingsName(study, date));
    }

    /** The cut-off asked for (default today, UTC), checked before the workbook starts streaming. */
    private LocalDate cutoff(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return reports.checkedCutoff(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationFailedException("cutoff", "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
