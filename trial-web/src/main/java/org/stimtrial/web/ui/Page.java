package org.stimtrial.web.ui;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.user.Role;

/**
 * The pages of the web UI and the roles that may open them: the one place the UI's page access is declared. The
 * navigation shows a page only to those roles and {@link PageAccessFilter} refuses everyone else (403) before the
 * page is rendered. The roles are those of the API endpoints the page stands for.
 */
public enum Page {
    HOME("/app/home.xhtml", "Dashboard", Role.values()),
    SCREEN("/app/screen.xhtml", "Screen a participant", Role.COORDINATOR, Role.INVESTIGATOR),
    SUBJECT("/app/subject.xhtml", null, Role.COORDINATOR, Role.INVESTIGATOR, Role.DATA_MANAGER, Role.STATISTICIAN,
            Role.UNBLINDED_STATISTICIAN),
    VISIT("/app/visit.xhtml", null, Role.COORDINATOR, Role.INVESTIGATOR, Role.DATA_MANAGER, Role.STATISTICIAN,
            Role.UNBLINDED_STATISTICIAN),
    HISTORY("/app/history.xhtml", null, Role.COORDINATOR, Role.INVESTIGATOR, Role.DATA_MANAGER),
    QUERIES("/app/queries.xhtml", "Queries", Role.COORDINATOR, Role.INVESTIGATOR, Role.DATA_MANAGER),
    QUERY("/app/query.xhtml", null, Role.COORDINATOR, Role.INVESTIGATOR, Role.DATA_MANAGER),
    IMPORTS("/app/imports.xhtml", "Imports", Role.DATA_MANAGER),
    RUNS("/app/runs.xhtml", "Analysis runs", Role.STATISTICIAN, Role.UNBLINDED_STATISTICIAN),
    REPORTS("/app/reports.xhtml", "Reports", Role.SPONSOR, Role.DATA_MANAGER, Role.STATISTICIAN,
            Role.UNBLINDED_STATISTICIAN),
    USERS("/app/users.xhtml", "Users", Role.ADMINISTRATOR);

    private final String path;
    private final String menuLabel;
    private final Set<Role> roles;

    Page(String path, String menuLabel, Role... roles) {
        this.path = path;
        this.menuLabel = menuLabel;
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    public String path() {
        return path;
    }

    /** The label in the navigation; pages reached from another page (a participant, a visit) have none. */
    public Optional<String> menuLabel() {
        return Optional.ofNullable(menuLabel);
    }

    public boolean allows(Set<Role> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }

    /** The page at a servlet path such as {@code /app/visit.xhtml}. */
    public static Optional<Page> at(String servletPath) {
        return Arrays.stream(values()).filter(p -> p.path.equals(servletPath)).findFirst();
    }
}
