package org.stimtrial.imports;

/** What a batch contains (the formats are described in docs/integrations.md). */
public enum ImportFormat {
    /** Urine drug screens, one row per specimen and analyte. */
    URINE_SCREEN_CSV,
    /** Craving assessments, one row per instrument item. */
    CRAVING_CSV,
    /** Laboratory results, HL7 v2.5.1 ORU^R01, one message per batch and one record per specimen (OBR). */
    HL7_ORU_R01,
    /** Craving assessments from ePRO, CDISC ODM 1.3.2 ClinicalData, one record per form (instrument at a visit). */
    CRAVING_ODM
}
