package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.stimtrial.query.QueryAction;
import org.stimtrial.query.QueryService;
import org.stimtrial.query.QueryStatus;
import org.stimtrial.query.QueryView;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.user.Role;
import org.stimtrial.web.security.CurrentActor;

/** One query and its thread; site staff answer or comment, data managers close, reopen or comment. */
@Named("queryPage")
@ViewScoped
public class QueryBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private QueryService service;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private long id;
    private QueryView query;
    private String action;
    private String message;

    public void load() throws IOException {
        try {
            actor.requireQueryVisible(nav.getProtocol(), id);
            query = service.get(nav.getProtocol(), id);
        } catch (UnknownEntityException e) {
            Ui.notFound("query");
        }
    }

    /** The actions this user may take on the query as it stands. */
    public List<String> getActions() {
        return QueryAction.allowedFor(actor.hasRole(Role.DATA_MANAGER)).stream()
                .filter(a -> a.allowedFrom().contains(QueryStatus.valueOf(query.status())))
                .map(Enum::name).toList();
    }

    public String at(QueryView.MessageView m) {
        return Ui.at(m.writtenAt(), nav.zoneOf(query.site()));
    }

    public void post() {
        if (action == null || !getActions().contains(action)) {
            throw new NotPermittedException("role", "your role may not " + action + " this query");
        }
        String text = message == null ? "" : message.strip();
        if (Ui.attempt(() -> query = service.post(nav.getProtocol(), id, QueryAction.valueOf(action), text,
                actor.ui()), Map.of("message", "post:message"))) {
            Ui.info("Query " + id + " is " + query.status());
            message = null;
            action = null;
        }
    }

    public QueryView getQuery() {
        return query;
    }

    public long getId() {
        return id;
    }

    /** Set from the address; once the page is loaded (and its site checked) a postback cannot point it elsewhere. */
    public void setId(long id) {
        if (query == null) {
            this.id = id;
        }
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
