package org.stimtrial.imports;

/** What became of one record of a batch. */
public enum RecordStatus {
    /** Saved, with audit records naming the batch. */
    ACCEPTED,
    /** Not saved; the reason says what to correct. */
    QUARANTINED,
    /** Already present with the same values: nothing new. */
    DUPLICATE,
    /** Disagrees with a value entered by hand: not saved, a query was raised. */
    CONFLICT,
    /** Was quarantined, then corrected by a data manager and saved. */
    CORRECTED
}
