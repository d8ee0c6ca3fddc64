package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.randomization.RandomizationService;
import org.stimtrial.randomization.RandomizationViews.Randomized;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.signature.SignatureService;
import org.stimtrial.signature.SignatureView;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.subject.SubjectView;
import org.stimtrial.user.Role;
import org.stimtrial.visit.FormViews.VisitView;
import org.stimtrial.visit.VisitService;
import org.stimtrial.web.security.CurrentActor;

/**
 * A participant's page: details, the kit dispensed (never the arm), the visit calendar with windows, status changes
 * (eligibility, disposition), randomization, signatures and the craving trajectory with urine screens by week.
 * Adverse events are on {@link AdverseEventsBean}.
 */
@Named("subjectPage")
@ViewScoped
public class SubjectPageBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private SubjectService subjects;
    @EJB
    private VisitService visits;
    @EJB
    private RandomizationService randomization;
    @EJB
    private SignatureService signatures;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;
    @Inject
    private Trajectory trajectory;

    private String n;
    private SubjectView subject;
    private String targetStatus;
    private LocalDate statusDate;
    private String statusReason;
    private final Map<String, String> strata = new LinkedHashMap<>();
    private final PerRequest<List<VisitView>> schedule = new PerRequest<>();
    private final PerRequest<Optional<Randomized>> kit = new PerRequest<>();
    private final PerRequest<Map<String, List<String>>> factors = new PerRequest<>();
    private final PerRequest<List<SignatureView>> signed = new PerRequest<>();

    /** Loads the participant, or answers 404 when it does not exist within the user's sites. */
    public void load() throws IOException {
        try {
            actor.requireVisible(nav.getProtocol(), n == null ? "" : n);
            subject = subjects.get(nav.getProtocol(), n);
        } catch (UnknownEntityException e) {
            Ui.notFound("participant");
        }
    }

    public boolean isSiteStaff() {
        return actor.hasRole(Role.COORDINATOR) || actor.hasRole(Role.INVESTIGATOR);
    }

    public SubjectView getSubject() {
        return subject;
    }

    public List<VisitView> getVisits() {
        return schedule.get(() -> visits.visits(nav.getProtocol(), n));
    }

    /** The kit dispensed at randomization, once randomized. */
    public Optional<Randomized> getKit() {
        return kit.get(() -> randomization.kit(nav.getProtocol(), n));
    }

    public List<SignatureView> getSignatures() {
        return signed.get(() -> signatures.signatures(nav.getProtocol(), n));
    }

    public String signedAt(SignatureView s) {
        return Ui.at(s.signedAt(), nav.zoneOf(subject.site()));
    }

    /** The statuses the participant may move to next, except randomization (which has its own action). */
    public List<String> getNextStatuses() {
        List<String> next = new ArrayList<>();
        for (SubjectStatus s : SubjectStatus.valueOf(subject.status()).next()) {
            if (s != SubjectStatus.RANDOMIZED) {
                next.add(s.name());
            }
        }
        return next;
    }

    public boolean isRandomizable() {
        return SubjectStatus.valueOf(subject.status()) == SubjectStatus.ELIGIBLE;
    }

    public Map<String, List<String>> getFactors() {
        return factors.get(() -> randomization.siteFactors(nav.getProtocol()));
    }

    public List<String> getFactorNames() {
        return new ArrayList<>(getFactors().keySet());
    }

    public void changeStatus() {
        requireSiteStaff();
        if (targetStatus == null || targetStatus.isBlank()) {
            Ui.error("status:target", "Choose the new status");
            return;
        }
        if (Ui.attempt(() -> subject = subjects.changeStatus(nav.getProtocol(), n,
                SubjectStatus.valueOf(targetStatus), statusDate, blankToNull(statusReason), actor.ui()),
                Map.of("date", "status:date", "reason", "status:reason"))) {
            Ui.info(n + " is now " + subject.status());
            targetStatus = null;
            statusReason = null;
        }
    }

    public void randomize() {
        requireSiteStaff();
        Map<String, String> given = new LinkedHashMap<>();
        strata.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                given.put(k, v);
            }
        });
        Map<String, String> fields = new LinkedHashMap<>();
        getFactorNames().forEach(f -> fields.put("strata." + f, "randomize:factor-" + f));
        if (Ui.attempt(() -> {
            Randomized done = randomization.randomize(nav.getProtocol(), n, given, null, actor.ui());
            subject = subjects.get(nav.getProtocol(), n);
            kit.forget();
            Ui.info("Randomized. Dispense kit " + done.kitNumber() + ".");
        }, fields)) {
            strata.clear();
        }
    }

    /** Craving VAS by week with the week's urine screens (negative or not), as inline SVG. */
    public String getTrajectoryChart() {
        return trajectory.chart(nav.getProtocol(), n, getVisits()).toSvg();
    }

    void requireSiteStaff() {
        if (!isSiteStaff()) {
            throw new NotPermittedException("role", "only site staff enter data");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getN() {
        return n;
    }

    /** Set from the address; once the page is loaded (and its site checked) a postback cannot point it elsewhere. */
    public void setN(String n) {
        if (subject == null) {
            this.n = n;
        }
    }

    public String getTargetStatus() {
        return targetStatus;
    }

    public void setTargetStatus(String targetStatus) {
        this.targetStatus = targetStatus;
    }

    public LocalDate getStatusDate() {
        return statusDate;
    }

    public void setStatusDate(LocalDate statusDate) {
        this.statusDate = statusDate;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public void setStatusReason(String statusReason) {
        this.statusReason = statusReason;
    }

    public Map<String, String> getStrata() {
        return strata;
    }
}
