package org.stimtrial.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.stimtrial.login.LoginService;
import org.stimtrial.user.Role;
import org.stimtrial.web.security.CurrentActor;

/** The start page after signing in: who you are, your roles and your sites. */
@Named
@RequestScoped
public class HomeBean {
    @Inject
    private CurrentActor actor;
    @Inject
    private LoginService login;

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
}
