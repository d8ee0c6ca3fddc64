package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.stimtrial.login.LoginService;
import org.stimtrial.study.StudyService;
import org.stimtrial.study.StudyView;
import org.stimtrial.user.Role;
import org.stimtrial.web.security.CurrentActor;

/**
 * The frame of every page: who is signed in, the study, and the pages this user's roles may open. The study is the
 * first one configured (the demo server runs one study).
 */
@Named("nav")
@RequestScoped
public class Navigation {
    /** A navigation entry. */
    public record Link(String label, String href, boolean current) {
    }

    @Inject
    private CurrentActor actor;
    @EJB
    private LoginService login;
    @EJB
    private StudyService studies;
    private StudyView study;

    public List<Link> getMenu() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String here = request.getServletPath();
        return Arrays.stream(Page.values()).filter(p -> p.menuLabel().isPresent() && p.allows(actor.roles()))
                .map(p -> new Link(p.menuLabel().orElseThrow(), request.getContextPath() + p.path(),
                        p.path().equals(here))).toList();
    }

    public String getFullName() {
        return login.sessionUser(actor.api().username()).map(a -> a.fullName()).orElse(actor.api().username());
    }

    public String getUsername() {
        return actor.api().username();
    }

    public List<String> getRoles() {
        return actor.roles().stream().map(Role::name).sorted().toList();
    }

    public String getSites() {
        var scope = actor.scope();
        return scope.everySite() ? "all sites" : scope.siteKeys().isEmpty() ? "none assigned"
                : String.join(", ", scope.siteKeys().stream().sorted().toList());
    }

    /** The study the pages work on (arms removed: no page shows an arm). */
    public StudyView getStudy() {
        if (study == null) {
            study = studies.studies().stream().findFirst().map(StudyView::withoutArms)
                    .orElseThrow(() -> new IllegalStateException("no study is configured"));
        }
        return study;
    }

    public String getProtocol() {
        return getStudy().protocolCode();
    }

    /** The time zone of a site of the study (UTC for an unknown code). */
    public ZoneId zoneOf(String siteCode) {
        return getStudy().sites().stream().filter(s -> s.code().equals(siteCode)).findFirst()
                .map(s -> ZoneId.of(s.timeZone())).orElse(ZoneOffset.UTC);
    }

    public boolean has(String role) {
        return actor.hasRole(Role.valueOf(role));
    }
}
