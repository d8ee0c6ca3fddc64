package org.stimtrial.visit;

/** Specimen validity testing outcome (creatinine, specific gravity, pH, oxidants). */
public enum SpecimenValidity {
    VALID, DILUTE, SUBSTITUTED, ADULTERATED, INVALID
}
