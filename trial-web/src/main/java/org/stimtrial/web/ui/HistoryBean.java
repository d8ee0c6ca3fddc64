package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.stimtrial.audit.AuditService;
import org.stimtrial.audit.AuditView;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.web.security.CurrentActor;

/**
 * A participant's audit trail: every change with who, when (in the site's time zone), old and new value and
 * reason, narrowed to one visit, form or field by the search text.
 */
@Named("history")
@RequestScoped
public class HistoryBean {
    @EJB
    private AuditService audit;
    @EJB
    private SubjectService subjects;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private String n;
    private String q;
    private String site;

    public void load() throws java.io.IOException {
        try {
            actor.requireVisible(nav.getProtocol(), n == null ? "" : n);
            site = subjects.get(nav.getProtocol(), n).site();
        } catch (org.stimtrial.shared.UnknownEntityException e) {
            Ui.notFound("participant");
        }
    }

    public List<AuditView> getRecords() {
        List<AuditView> all = audit.subjectTrail(nav.getProtocol(), n);
        if (q == null || q.isBlank()) {
            return all;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        return all.stream().filter(r -> matches(r, needle)).toList();
    }

    static boolean matches(AuditView r, String needle) {
        return String.join(" ", String.valueOf(r.entity()), String.valueOf(r.entityId()), String.valueOf(r.field()),
                String.valueOf(r.sourceRef()), String.valueOf(r.reason())).toLowerCase(Locale.ROOT).contains(needle);
    }

    public String at(AuditView r) {
        return Ui.at(r.at(), nav.zoneOf(site));
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
