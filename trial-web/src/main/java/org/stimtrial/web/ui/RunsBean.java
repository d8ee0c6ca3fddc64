package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.analysis.export.DatasetJson;
import org.stimtrial.audit.Actor;
import org.stimtrial.interim.AnalysisRunService;
import org.stimtrial.interim.AnalysisRunner;
import org.stimtrial.interim.MonitoringPlan;
import org.stimtrial.interim.RunStatus;
import org.stimtrial.interim.RunViews.RunView;
import org.stimtrial.report.ReportService;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.user.Role;
import org.stimtrial.web.security.CurrentActor;

/**
 * Statisticians' analysis runs: start one at a data cut-off, watch it run, read its results (by arm for the
 * unblinded statistician only; pooled for blinded statisticians) and download its workbook and exports, each
 * download audited. The same rules as the analysis-run API.
 */
@Named("runsPage")
@ViewScoped
public class RunsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AnalysisRunService runs;
    @EJB
    private AnalysisRunner runner;
    @EJB
    private ReportService reports;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private LocalDate cutoff = LocalDate.now(ZoneOffset.UTC);
    private String spending = MonitoringPlan.protocolDefault().spending();
    private String fractions = "0.5,1";
    private Long selected;
    private final PerRequest<List<RunView>> listed = new PerRequest<>();

    public boolean isUnblinded() {
        return actor.hasRole(Role.UNBLINDED_STATISTICIAN);
    }

    /** The runs, read once per request (the table, the poll and its stop condition all ask). */
    public List<RunView> getRuns() {
        return listed.get(() -> runs.list(nav.getProtocol(), isUnblinded()));
    }

    public boolean isAnyRunning() {
        return getRuns().stream().anyMatch(r -> r.status() == RunStatus.QUEUED || r.status() == RunStatus.RUNNING);
    }

    public Optional<RunView> getSelectedRun() {
        return Optional.ofNullable(selected).map(id -> runs.view(nav.getProtocol(), id, isUnblinded()));
    }

    public List<String> getDomains() {
        return DatasetJson.DOMAINS;
    }

    public void start() {
        MonitoringPlan d = MonitoringPlan.protocolDefault();
        Ui.attempt(() -> {
            RunView run = runs.start(nav.getProtocol(), cutoff, MonitoringPlan.of(spending, d.alpha(), d.sides(),
                    fractions), actor.ui());
            runner.execute(run.id());
            listed.forget();
            selected = run.id();
            Ui.info("Run " + run.id() + " started: the snapshot of " + cutoff + " is frozen (" + run.snapshotHash()
                    .substring(0, 12) + "...); the models run in the background");
        }, Map.of("cutoff", "start:cutoff", "fractions", "start:fractions", "spending", "start:spending"));
    }

    public void select(long run) {
        selected = run;
    }

    public void rerun(long run) {
        Ui.attempt(() -> {
            RunView again = runs.rerun(nav.getProtocol(), run, actor.ui());
            runner.execute(again.id());
            listed.forget();
            selected = again.id();
            Ui.info("Run " + again.id() + " reruns the snapshot of run " + run);
        });
    }

    public void dsmbWorkbook(long run) throws IOException {
        if (!isUnblinded()) {
            throw new NotPermittedException("role", "the DSMB workbook is for the unblinded statistician");
        }
        if (Ui.attempt(() -> runs.completed(nav.getProtocol(), run))) {
            Actor who = actor.ui();
            Ui.download(ReportService.dsmbName(nav.getProtocol(), run), ReportService.XLSX,
                    out -> reports.dsmbWorkbook(nav.getProtocol(), run, who, out));
        }
    }

    public void analysisCsv(long run) throws IOException {
        if (Ui.attempt(() -> runs.completed(nav.getProtocol(), run))) {
            Actor who = actor.ui();
            boolean unblinded = isUnblinded();
            Ui.download(ReportService.csvName(nav.getProtocol(), run), "text/csv",
                    out -> reports.analysisCsv(nav.getProtocol(), run, unblinded, who, out));
        }
    }

    public void datasetJson(long run, String domain) throws IOException {
        if (Ui.attempt(() -> {
            runs.completed(nav.getProtocol(), run);
            ReportService.checkedDomain(domain);
        })) {
            Actor who = actor.ui();
            boolean unblinded = isUnblinded();
            Ui.download(ReportService.datasetJsonName(nav.getProtocol(), run, domain), "application/json", out -> reports.datasetJson(nav.getProtocol(), run, domain, unblinded, who,
                            out));
        }
    }

    public void rScript(long run) throws IOException {
        if (!isUnblinded()) {
            throw new NotPermittedException("role", "the R script is for the unblinded statistician");
        }
        String[] script = new String[1];
        if (Ui.attempt(() -> script[0] = reports.rScript(nav.getProtocol(), run, actor.ui()))) {
            Ui.download(ReportService.rScriptName(nav.getProtocol(), run), "text/plain",
                    out -> out.write(script[0].getBytes(StandardCharsets.UTF_8)));
        }
    }

    public LocalDate getCutoff() {
        return cutoff;
    }

    public void setCutoff(LocalDate cutoff) {
        this.cutoff = cutoff;
    }

    public String getSpending() {
        return spending;
    }

    public void setSpending(String spending) {
        this.spending = spending;
    }

    public String getFractions() {
        return fractions;
    }

    public void setFractions(String fractions) {
        this.fractions = fractions;
    }

    public Long getSelected() {
        return selected;
    }

    public void setSelected(Long selected) {
        this.selected = selected;
    }
}
