package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import org.stimtrial.audit.Actor;
import org.stimtrial.interim.AnalysisRunService;
import org.stimtrial.interim.AnalysisRunner;
import org.stimtrial.interim.MonitoringPlan;
import org.stimtrial.interim.RunViews.RunView;
import org.stimtrial.report.ReportService;
import org.stimtrial.user.Role;
import org.stimtrial.web.security.CurrentActor;

/**
 * Interim and final analysis runs. Starting a run freezes the snapshot and answers 202 at once; the models run on
 * the server's asynchronous threads and the run shows its progress. Blinded statisticians get pooled results and
 * arm-free exports; the DSMB workbook and the R script are for the unblinded statistician only.
 */
@Path("studies/{study}/analysis-runs")
@RequestScoped
@RolesAllowed({"STATISTICIAN", "UNBLINDED_STATISTICIAN"})
public class AnalysisRunResource {
    /** A run request: the data cut-off and, optionally, the group-sequential plan (default OBF, 0.05, 0.5 and 1). */
    public record RunRequest(@Required LocalDate cutoff, String spending, Double alpha, Integer sides,
                             String fractions) {
    }

    @EJB
    private AnalysisRunService runs;
    @EJB
    private AnalysisRunner runner;
    @EJB
    private ReportService reports;
    @Inject
    private CurrentActor actor;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("study") String study, RunRequest request) {
        if (request == null || request.cutoff() == null) {
            throw new org.stimtrial.shared.ValidationFailedException("cutoff", "is required (YYYY-MM-DD)");
        }
        MonitoringPlan d = MonitoringPlan.protocolDefault();
        MonitoringPlan plan = MonitoringPlan.of(request.spending() == null ? d.spending() : request.spending(),
                request.alpha() == null ? d.alpha() : request.alpha(),
                request.sides() == null ? d.sides() : request.sides(),
                request.fractions() == null ? "0.5,1" : request.fractions());
        RunView run = runs.start(study, request.cutoff(), plan, actor.api());
        runner.execute(run.id());
        return Response.accepted(run).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<RunView> list(@PathParam("study") String study) {
        return runs.list(study, unblinded());
    }

    @GET
    @Path("{run}")
    @Produces(MediaType.APPLICATION_JSON)
    public RunView run(@PathParam("study") String study, @PathParam("run") long run) {
        return runs.view(study, run, unblinded());
    }

    /** Runs the run's frozen snapshot again; the new run's results must be byte-identical (same resultsHash). */
    @POST
    @Path("{run}/rerun")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rerun(@PathParam("study") String study, @PathParam("run") long run) {
        RunView again = runs.rerun(study, run, actor.api());
        runner.execute(again.id());
        return Response.accepted(again).build();
    }

    @GET
    @Path("{run}/reports/dsmb")
    @Produces(ReportService.XLSX)
    @RolesAllowed("UNBLINDED_STATISTICIAN")
    public Response dsmb(@PathParam("study") String study, @PathParam("run") long run) {
        runs.completed(study, run);
        Actor who = actor.api();
        StreamingOutput body = out -> reports.dsmbWorkbook(study, run, who, out);
        return attachment(body, ReportService.dsmbName(study, run));
    }

    @GET
    @Path("{run}/exports/analysis-csv")
    @Produces("text/csv")
    public Response csv(@PathParam("study") String study, @PathParam("run") long run) {
        runs.completed(study, run);
        Actor who = actor.api();
        boolean unblinded = unblinded();
        StreamingOutput body = out -> reports.analysisCsv(study, run, unblinded, who, out);
        return attachment(body, ReportService.csvName(study, run));
    }

    @GET
    @Path("{run}/exports/dataset-json/{domain}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response datasetJson(@PathParam("study") String study, @PathParam("run") long run,
                                @PathParam("domain") String domain) {
        runs.completed(study, run);
        ReportService.checkedDomain(domain);
        Actor who = actor.api();
        boolean unblinded = unblinded();
        StreamingOutput body = out -> reports.datasetJson(study, run, domain, unblinded, who, out);
        return attachment(body, ReportService.datasetJsonName(study, run, domain));
    }

    @GET
    @Path("{run}/exports/r-script")
    @Produces("text/plain")
    @RolesAllowed("UNBLINDED_STATISTICIAN")
    public Response rScript(@PathParam("study") String study, @PathParam("run") long run) {
        return attachment(reports.rScript(study, run, actor.api()), ReportService.rScriptName(study, run));
    }

    private boolean unblinded() {
        return actor.hasRole(Role.UNBLINDED_STATISTICIAN);
    }

    static Response attachment(Object body, String file) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
