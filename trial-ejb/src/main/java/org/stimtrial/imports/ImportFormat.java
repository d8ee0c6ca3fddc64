package org.stimtrial.imports;

/** What a batch contains (the formats are described in docs/integrations.md). */
public enum ImportFormat {
    /** Urine drug screens, one row per specimen and analyte. */
    URINE_SCREEN_CSV,
    /** Craving assessments, one row per instrument item. */
    CRAVING_CSV
}
