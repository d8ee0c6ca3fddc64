package org.stimtrial.imports;

import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;

/** One record of a batch, read and typed: the participant, the site that sent it, the visit, and the form. */
sealed interface ImportItem {
    String site();

    String screeningNumber();

    String visit();

    /** A specimen's results. */
    record UrineScreen(String site, String screeningNumber, String visit, UrineScreenEntry entry)
            implements ImportItem {
    }

    /** One instrument's answers. */
    record Craving(String site, String screeningNumber, String visit, CravingEntry entry) implements ImportItem {
    }
}
