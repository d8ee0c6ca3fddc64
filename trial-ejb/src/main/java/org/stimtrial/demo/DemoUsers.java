package org.stimtrial.demo;

import java.util.List;
import java.util.Set;
import org.stimtrial.user.Role;

/**
 * The demo users, one per role (and a second coordinator at another site, to show site scoping). Their passwords are
 * documented in the README; they exist only in the demo study.
 */
public final class DemoUsers {
    /** A demo account. */
    public record DemoUser(String username, String fullName, String password, Set<Role> roles, List<String> sites) {
        DemoUser(String username, String fullName, String password, Set<Role> roles) {
            this(username, fullName, password, roles, List.of());
        }
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("coordinator", "Casey Coordinator (demo, site S01)", "demo-coordinator",
                    Set.of(Role.COORDINATOR), List.of("S01")),
            new DemoUser("coordinator2", "Cody Coordinator (demo, site S02)", "demo-coordinator2",
                    Set.of(Role.COORDINATOR), List.of("S02")),
            new DemoUser("investigator", "Ines Investigator (demo, site S01)", "demo-investigator",
                    Set.of(Role.INVESTIGATOR), List.of("S01")),
            new DemoUser("datamanager", "Dana Datamanager (demo)", "demo-datamanager", Set.of(Role.DATA_MANAGER)),
            new DemoUser("statistician", "Stan Statistician (demo, blinded)", "demo-statistician",
                    Set.of(Role.STATISTICIAN)),
            new DemoUser("dsmb", "Dora DSMB statistician (demo, unblinded)", "demo-dsmb",
                    Set.of(Role.UNBLINDED_STATISTICIAN)),
            new DemoUser("sponsor", "Sam Sponsor (demo)", "demo-sponsor", Set.of(Role.SPONSOR)),
            new DemoUser("admin", "Ada Administrator (demo)", "demo-admin", Set.of(Role.ADMINISTRATOR)));

    private DemoUsers() {
    }
}
