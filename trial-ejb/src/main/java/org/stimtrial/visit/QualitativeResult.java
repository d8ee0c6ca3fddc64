package org.stimtrial.visit;

/** The qualitative outcome of one analyte on one specimen. */
public enum QualitativeResult {
    NEGATIVE, POSITIVE, INVALID, NOT_DONE
}
