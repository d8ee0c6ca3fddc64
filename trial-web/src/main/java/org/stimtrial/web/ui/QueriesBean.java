package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.query.QueryService;
import org.stimtrial.query.QueryStatus;
import org.stimtrial.query.QueryView;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.user.Role;
import org.stimtrial.user.SiteScope;
import org.stimtrial.web.security.CurrentActor;

/**
 * The query inbox: the queries about participants within the user's sites, by status (site staff start with the
 * open ones, data managers with the answered ones, which wait for them); data managers raise new queries here.
 */
@Named("queries")
@RequestScoped
public class QueriesBean {
    @EJB
    private QueryService service;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private String status;
    private String subject;
    private String itemRef;
    private String text;

    public boolean isDataManager() {
        return actor.hasRole(Role.DATA_MANAGER);
    }

    /** The status shown: the one asked for, else what waits for this user. */
    public String getShown() {
        if (status != null && !status.isBlank()) {
            return status;
        }
        return isDataManager() ? QueryStatus.ANSWERED.name() : QueryStatus.OPEN.name();
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(QueryStatus.values()).map(Enum::name).toList();
    }

    public List<QueryView> getQueries() {
        SiteScope scope = actor.scope();
        Optional<QueryStatus> shown = getStatuses().contains(getShown()) ? Optional.of(QueryStatus.valueOf(getShown()))
                : Optional.empty();
        return service.list(nav.getProtocol(), Optional.empty(), shown).stream()
                .filter(q -> scope.allows(nav.getProtocol(), q.site())).toList();
    }

    public String raised(QueryView q) {
        return Ui.at(q.createdAt(), nav.zoneOf(q.site()));
    }

    public String raise() {
        if (!isDataManager()) {
            throw new NotPermittedException("role", "only data managers raise queries");
        }
        QueryView[] raised = new QueryView[1];
        boolean ok = Ui.attempt(() -> raised[0] = service.raise(nav.getProtocol(), trim(subject), trim(itemRef),
                trim(text), actor.ui()), Map.of("subject", "raise:subject", "itemRef", "raise:item", "text",
                        "raise:text"));
        return ok ? Ui.redirect(Page.QUERY, "id=" + raised[0].id()) : null;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getItemRef() {
        return itemRef;
    }

    public void setItemRef(String itemRef) {
        this.itemRef = itemRef;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
