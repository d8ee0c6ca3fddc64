package org.stimtrial.integrations;

import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportViews.Ingested;

/** Hands a received payload to the import pipeline: stored first, then applied; returns what became of it. */
@FunctionalInterface
public interface Ingest {
    Ingested ingest(Delivery delivery, byte[] content);
}
