package org.stimtrial.integrations;

import java.time.OffsetDateTime;
import org.stimtrial.imports.BatchStatus;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.imports.Reconciliation;

/** What the pipeline answers in route tests, where the pipeline itself is not under test. */
public final class Batches {
    private Batches() {
    }

    public static Ingested processed(long id, Reconciliation counts) {
        return new Ingested(false, new BatchView(id, "TEST", "TEST", null, "test", "checksum", null, 1,
                OffsetDateTime.now(), "test", BatchStatus.PROCESSED, null, OffsetDateTime.now(), counts));
    }

    public static Ingested rejected(long id, String reason) {
        return new Ingested(false, new BatchView(id, "TEST", "TEST", null, "test", "checksum", null, 1,
                OffsetDateTime.now(), "test", BatchStatus.REJECTED, reason, OffsetDateTime.now(),
                new Reconciliation(0, 0, 0, 0, 0)));
    }
}
