package org.stimtrial.study;

/** The case report forms a visit can expect. */
public enum FormType {
    ELIGIBILITY, CRAVING_VAS, CRAVING_BSCS, CRAVING_ACQ, URINE_DRUG_SCREEN, ADVERSE_EVENTS, MEDICATION_ADHERENCE,
    DISPOSITION
}
