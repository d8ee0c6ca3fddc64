package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stimtrial.login.LoginService;
import org.stimtrial.user.UserAdministrationService;
import org.stimtrial.user.UserAdministrationService.UserView;
import org.stimtrial.visit.Reasons;
import org.stimtrial.web.security.CurrentActor;

/** The administrator's page: accounts, their roles and sites; assigning sites and lifting lockouts, with a reason. */
@Named("usersPage")
@ViewScoped
public class UsersBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private UserAdministrationService administration;
    @EJB
    private LoginService login;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private final HashMap<String, String> site = new HashMap<>();
    private final HashMap<String, String> reason = new HashMap<>();

    public List<UserView> getUsers() {
        return administration.users();
    }

    public List<String> getSites() {
        return nav.getStudy().sites().stream().map(s -> s.code()).toList();
    }

    public void assign(String username) {
        siteChange(username, true);
    }

    public void unassign(String username) {
        siteChange(username, false);
    }

    private void siteChange(String username, boolean assign) {
        String code = site.getOrDefault(username, "");
        String why = reason.getOrDefault(username, "");
        if (Ui.attempt(() -> {
            if (assign) {
                administration.assign(actor.ui(), username, nav.getProtocol(), code, why);
            } else {
                administration.unassign(actor.ui(), username, nav.getProtocol(), code, why);
            }
        })) {
            Ui.info(username + (assign ? " now works at " : " no longer works at ") + code);
            reason.remove(username);
        }
    }

    public void unlock(String username) {
        String why = reason.getOrDefault(username, "");
        if (Ui.attempt(() -> login.unlock(actor.ui(), username, Reasons.require(why)))) {
            Ui.info(username + " can sign in again");
            reason.remove(username);
        }
    }

    public Map<String, String> getSite() {
        return site;
    }

    public Map<String, String> getReason() {
        return reason;
    }
}
