package org.stimtrial.audit;

/** Where a change came from: the web UI, the REST API, an import batch, the demo generator or the system itself. */
public enum Source {
    UI, API, IMPORT, DEMO, SYSTEM
}
