package org.stimtrial.imports;

/** Where a batch stands: stored but not yet applied, applied record by record, or refused as a whole. */
public enum BatchStatus {
    RECEIVED, PROCESSED, REJECTED
}
