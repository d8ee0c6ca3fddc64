package org.stimtrial.integrations;

import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportViews.Receipt;

/** Hands a received payload to the import pipeline: stored first, then applied. */
@FunctionalInterface
public interface Ingest {
    Receipt ingest(Delivery delivery, byte[] content);
}
