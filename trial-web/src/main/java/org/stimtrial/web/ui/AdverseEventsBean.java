package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.visit.AdverseEventEntry;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.AdverseEventTerms.ActionTaken;
import org.stimtrial.visit.AdverseEventTerms.Outcome;
import org.stimtrial.visit.AdverseEventTerms.Relatedness;
import org.stimtrial.visit.FormViews.AdverseEventView;
import org.stimtrial.web.security.CurrentActor;

/** The adverse events of the participant on the page, and the form that records a new one. */
@Named("adverseEvents")
@ViewScoped
public class AdverseEventsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AdverseEventService events;
    @Inject
    private SubjectPageBean page;
    @Inject
    private Navigation nav;
    @Inject
    private CurrentActor actor;

    private String term;
    private LocalDate onsetDate;
    private LocalDate endDate;
    private Integer severity;
    private boolean serious;
    private String relatedness = Relatedness.NOT_RELATED.name();
    private String actionTaken = ActionTaken.NONE.name();
    private String outcome = Outcome.RECOVERING.name();
    private final PerRequest<List<AdverseEventView>> listed = new PerRequest<>();
    private Long editing;
    private long editingVersion;
    private String reason;

    public List<AdverseEventView> getEvents() {
        return listed.get(() -> events.list(nav.getProtocol(), page.getN()));
    }

    /** Records a new event, or saves the changes to the event being edited (which need a reason). */
    public void add() {
        page.requireSiteStaff();
        AdverseEventEntry entry = new AdverseEventEntry(term == null ? "" : term.strip(), onsetDate,
                Optional.ofNullable(endDate), severity == null ? 0 : severity, serious,
                Relatedness.valueOf(relatedness), ActionTaken.valueOf(actionTaken), Outcome.valueOf(outcome));
        Long id = editing;
        if (Ui.attempt(() -> {
            if (id == null) {
                events.add(nav.getProtocol(), page.getN(), entry, actor.ui());
            } else {
                events.change(nav.getProtocol(), page.getN(), id, entry, editingVersion,
                        VisitPageBean.blankToNull(reason), actor.ui());
            }
        }, Map.of("term", "ae:term", "onsetDate", "ae:onset", "endDate", "ae:end", "severity", "ae:severity",
                "reason", "ae:reason"))) {
            Ui.info("Adverse event '" + term.strip() + "' " + (id == null ? "recorded" : "changed"));
            listed.forget();
            cancel();
        }
    }

    /** Loads a saved event into the form; saving it then is a change. */
    public void edit(long id) {
        getEvents().stream().filter(e -> e.id() == id).findFirst().ifPresent(e -> {
            editing = e.id();
            editingVersion = e.version();
            term = e.term();
            onsetDate = e.onsetDate();
            endDate = e.endDate();
            severity = e.severity();
            serious = e.serious();
            relatedness = e.relatedness();
            actionTaken = e.actionTaken();
            outcome = e.outcome();
            reason = null;
        });
    }

    /** Empties the form (and leaves editing). */
    public void cancel() {
        editing = null;
        term = null;
        onsetDate = null;
        endDate = null;
        severity = null;
        serious = false;
        reason = null;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<String> getRelatednessValues() {
        return names(Relatedness.values());
    }

    public List<String> getActionValues() {
        return names(ActionTaken.values());
    }

    public List<String> getOutcomeValues() {
        return names(Outcome.values());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }

    public LocalDate getOnsetDate() {
        return onsetDate;
    }

    public void setOnsetDate(LocalDate onsetDate) {
        this.onsetDate = onsetDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public Integer getSeverity() {
        return severity;
    }

    public void setSeverity(Integer severity) {
        this.severity = severity;
    }

    public boolean isSerious() {
        return serious;
    }

    public void setSerious(boolean serious) {
        this.serious = serious;
    }

    public String getRelatedness() {
        return relatedness;
    }

    public void setRelatedness(String relatedness) {
        this.relatedness = relatedness;
    }

    public String getActionTaken() {
        return actionTaken;
    }

    public void setActionTaken(String actionTaken) {
        this.actionTaken = actionTaken;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
