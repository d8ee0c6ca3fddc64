package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stimtrial.instrument.InstrumentCatalog;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.study.FormType;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.study.StudyView.VisitDefinitionView;
import org.stimtrial.user.Role;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.FormViews.CravingView;
import org.stimtrial.visit.FormViews.VisitView;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitStatus;
import org.stimtrial.web.security.CurrentActor;

/**
 * A visit of a participant: whether and when it took place, and the craving instruments it expects (VAS, BSCS,
 * the amphetamine craving questionnaire). Inputs are checked against each item's range as they are left; saving a
 * form a second time is a change and needs a reason. Urine screens, pill counts and signatures are on
 * {@link VisitFormsBean}.
 */
@Named("visitPage")
@ViewScoped
public class VisitPageBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final InstrumentCatalog INSTRUMENTS = InstrumentCatalog.shipped();
    private static final Map<FormType, String> CRAVING_FORMS = Map.of(FormType.CRAVING_VAS, "VAS",
            FormType.CRAVING_BSCS, "BSCS", FormType.CRAVING_ACQ, "ACQ");

    @EJB
    private VisitService visits;
    @EJB
    private SubjectService subjects;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private String n;
    private String v;
    private String site;
    private VisitView visit;
    private List<String> forms = List.of();
    private String status;
    private LocalDate date;
    private String reason;
    private final LinkedHashMap<String, CravingForm> cravings = new LinkedHashMap<>();

    /** Loads the visit, or answers 404 when the participant or visit does not exist within the user's sites. */
    public void load() throws IOException {
        try {
            actor.requireVisible(nav.getProtocol(), n == null ? "" : n);
            VisitDefinitionView def = nav.getStudy().schedule().stream().filter(d -> d.code().equals(v))
                    .findFirst().orElseThrow(() -> new UnknownEntityException("visit", v));
            forms = def.forms();
            site = subjects.get(nav.getProtocol(), n).site();
            refresh();
            for (String form : forms) {
                String code = CRAVING_FORMS.get(FormType.valueOf(form));
                if (code != null) {
                    cravings.put(code, new CravingForm(INSTRUMENTS.find(code).orElseThrow()));
                }
            }
            for (CravingView saved : visits.cravings(nav.getProtocol(), n, v)) {
                cravings.computeIfAbsent(saved.instrument(), c -> new CravingForm(INSTRUMENTS.find(c).orElseThrow()))
                        .show(saved);
            }
        } catch (UnknownEntityException e) {
            Ui.notFound("visit");
        }
    }

    private void refresh() {
        visit = visits.visits(nav.getProtocol(), n).stream().filter(x -> x.code().equals(v)).findFirst()
                .orElseThrow(() -> new UnknownEntityException("visit", v));
        status = visit.status().equals(VisitStatus.SCHEDULED.name()) ? VisitStatus.DONE.name() : visit.status();
        date = visit.visitDate();
        reason = null;
    }

    public boolean isSiteStaff() {
        return actor.hasRole(Role.COORDINATOR) || actor.hasRole(Role.INVESTIGATOR);
    }

    public boolean isRecorded() {
        return !visit.status().equals(VisitStatus.SCHEDULED.name());
    }

    public void recordVisit() {
        requireSiteStaff();
        if (Ui.attempt(() -> visit = visits.recordVisit(nav.getProtocol(), n, v,
                new VisitEntry(VisitStatus.valueOf(status), date), visit.version(), blankToNull(reason), actor.ui()),
                Map.of("date", "visit:date", "reason", "visit:reason", "status", "visit:status"))) {
            refresh();
            Ui.info("Visit " + v + " saved as " + visit.status());
        }
    }

    public void saveCraving(String instrument) {
        requireSiteStaff();
        CravingForm form = cravings.get(instrument);
        Map<String, BigDecimal> responses = new LinkedHashMap<>();
        form.getResponses().forEach((k, value) -> {
            if (value != null) {
                responses.put(k, value);
            }
        });
        CravingEntry entry = new CravingEntry(instrument, form.getAssessedOn(), responses);
        String prefix = "craving-" + instrument + ":";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("assessedOn", prefix + "assessedOn");
        fields.put("reason", prefix + "reason");
        fields.put("visit", prefix + "assessedOn");
        form.getItems().forEach(i -> fields.put("responses." + i.code(), prefix + "item-" + i.code()));
        CravingView[] saved = new CravingView[1];
        boolean ok = Ui.attempt(() -> saved[0] = form.version().isPresent()
                ? visits.changeCraving(nav.getProtocol(), n, v, entry, form.version().getAsLong(),
                        blankToNull(form.getReason()), actor.ui())
                : visits.addCraving(nav.getProtocol(), n, v, entry, actor.ui()), fields);
        if (ok) {
            form.show(saved[0]);
            Ui.info(form.getName() + " saved");
        }
    }

    void requireSiteStaff() {
        if (!isSiteStaff()) {
            throw new NotPermittedException("role", "only site staff enter data");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<CravingForm> getCravings() {
        return new ArrayList<>(cravings.values());
    }

    public List<String> getForms() {
        return forms;
    }

    public boolean expects(String form) {
        return forms.contains(form);
    }

    public VisitView getVisit() {
        return visit;
    }

    public List<String> getStatuses() {
        return List.of(VisitStatus.DONE.name(), VisitStatus.MISSED.name());
    }

    /** The participant's site (its time zone is the one times are entered and shown in). */
    public String getSite() {
        return site;
    }

    public String getN() {
        return n;
    }

    /** Set from the address; once the page is loaded (and its site checked) a postback cannot point it elsewhere. */
    public void setN(String n) {
        if (visit == null) {
            this.n = n;
        }
    }

    public String getV() {
        return v;
    }

    public void setV(String v) {
        if (visit == null) {
            this.v = v;
        }
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
