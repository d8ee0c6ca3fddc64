package org.stimtrial.imports;

import java.util.List;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;

/** One record of a batch, read and typed: the participant and the form, and where the form belongs. */
sealed interface ImportItem {
    String screeningNumber();

    /** A record a site sent for a named visit: the site must be the participant's. */
    sealed interface AtVisit extends ImportItem {
        String site();

        String visit();
    }

    /** A specimen's results. */
    record UrineScreen(String site, String screeningNumber, String visit, UrineScreenEntry entry) implements AtVisit {
    }

    /** One instrument's answers. */
    record Craving(String site, String screeningNumber, String visit, CravingEntry entry) implements AtVisit {
    }

    /**
     * A central laboratory's results for one specimen: the visit is the one whose window holds the collection date.
     * {@code correction} marks results the laboratory sent as corrections of results it sent before.
     */
    record LabUrineScreen(String screeningNumber, CollectionTime collected, String specimenId,
                          List<AnalyteEntry> results, boolean correction) implements ImportItem {
        public LabUrineScreen {
            results = List.copyOf(results);
        }
    }
}
