package org.stimtrial.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stimtrial.user.Role;

class PageTest {
    @Test
    void everyPageUnderAppIsDeclaredWithItsRoles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/webapp/app"))) {
            List<String> undeclared = files.map(p -> "/app/" + p.getFileName()).filter(p -> Page.at(p).isEmpty())
                    .toList();
            assertEquals(List.of(), undeclared, "pages the filter would refuse to everyone");
        }
    }

    @Test
    void blindedAndSponsorRolesGetOnlyTheirPages() {
        assertTrue(Page.RUNS.allows(Set.of(Role.STATISTICIAN)));
        assertFalse(Page.QUERIES.allows(Set.of(Role.STATISTICIAN)), "statisticians do not answer queries");
        assertFalse(Page.SUBJECT.allows(Set.of(Role.SPONSOR)), "no participant-level page for sponsors");
        assertFalse(Page.HISTORY.allows(Set.of(Role.STATISTICIAN, Role.UNBLINDED_STATISTICIAN)));
        assertTrue(Page.REPORTS.allows(Set.of(Role.SPONSOR)));
        assertFalse(Page.USERS.allows(EnumSet.complementOf(EnumSet.of(Role.ADMINISTRATOR))));
        assertFalse(Page.IMPORTS.allows(Set.of(Role.COORDINATOR, Role.INVESTIGATOR)));
        assertTrue(Page.SCREEN.allows(Set.of(Role.COORDINATOR)));
        assertTrue(Page.HOME.allows(Set.of(Role.SPONSOR)));
    }

    @Test
    void onlyTheDeclaredPathsMatch() {
        assertEquals(Optional.of(Page.VISIT), Page.at("/app/visit.xhtml"));
        assertEquals(Optional.empty(), Page.at("/app/visit.xhtml/../users.xhtml"));
        assertEquals(Optional.empty(), Page.at("/app/secret.xhtml"));
    }
}
