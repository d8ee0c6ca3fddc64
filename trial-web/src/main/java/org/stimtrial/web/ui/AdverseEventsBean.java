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
    private org.stimtrial.web.security.CurrentActor actor;

    private String term;
    private LocalDate onsetDate;
    private LocalDate endDate;
    private Integer severity;
    private boolean serious;
    private String relatedness = Relatedness.NOT_RELATED.name();
    private String actionTaken = ActionTaken.NONE.name();
    private String outcome = Outcome.RECOVERING.name();

    public List<AdverseEventView> getEvents() {
        return events.list(nav.getProtocol(), page.getN());
    }

    public void add() {
        if (!page.isSiteStaff()) {
            throw new org.stimtrial.shared.NotPermittedException("role", "only site staff enter data");
        }
        AdverseEventEntry entry = new AdverseEventEntry(term == null ? "" : term.strip(), onsetDate,
                Optional.ofNullable(endDate), severity == null ? 0 : severity, serious,
                Relatedness.valueOf(relatedness), ActionTaken.valueOf(actionTaken), Outcome.valueOf(outcome));
        if (Ui.attempt(() -> events.add(nav.getProtocol(), page.getN(), entry, actor.ui()),
                Map.of("term", "ae:term", "onsetDate", "ae:onset", "endDate", "ae:end", "severity", "ae:severity"))) {
            Ui.info("Adverse event '" + term.strip() + "' recorded");
            term = null;
            onsetDate = null;
            endDate = null;
            severity = null;
            serious = false;
        }
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
