package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.stimtrial.audit.Actor;
import org.stimtrial.report.ReportService;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.user.Role;
import org.stimtrial.web.security.CurrentActor;

/**
 * Excel reports as of a cut-off: the sponsor workbook (pooled, no arm) for sponsors, data managers and
 * statisticians; the listings for data managers (with the audit trail) and statisticians (the arm column for the
 * unblinded statistician only). Every download is audited.
 */
@Named("reportsPage")
@RequestScoped
public class ReportsBean {
    @EJB
    private ReportService reports;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private LocalDate cutoff = LocalDate.now(ZoneOffset.UTC);

    public boolean isListingsAllowed() {
        return actor.hasRole(Role.DATA_MANAGER) || actor.hasRole(Role.STATISTICIAN)
                || actor.hasRole(Role.UNBLINDED_STATISTICIAN);
    }

    public void sponsorWorkbook() throws IOException {
        if (checkedCutoff()) {
            Actor who = actor.ui();
            LocalDate date = cutoff;
            Ui.download(ReportService.sponsorName(nav.getProtocol(), date), ReportService.XLSX,
                    out -> reports.sponsorWorkbook(nav.getProtocol(), date, who, out));
        }
    }

    public void listings() throws IOException {
        if (!isListingsAllowed()) {
            throw new NotPermittedException("role", "listings are for data managers and statisticians");
        }
        if (checkedCutoff()) {
            Actor who = actor.ui();
            LocalDate date = cutoff;
            boolean unblinded = actor.hasRole(Role.UNBLINDED_STATISTICIAN);
            boolean audit = actor.hasRole(Role.DATA_MANAGER);
            Ui.download(ReportService.listingsName(nav.getProtocol(), date), ReportService.XLSX,
                    out -> reports.listings(nav.getProtocol(), date, unblinded, audit, who, out));
        }
    }

    private boolean checkedCutoff() {
        return Ui.attempt(() -> reports.checkedCutoff(cutoff), java.util.Map.of("cutoff", "reports:cutoff"));
    }

    public LocalDate getCutoff() {
        return cutoff;
    }

    public void setCutoff(LocalDate cutoff) {
        this.cutoff = cutoff;
    }
}
