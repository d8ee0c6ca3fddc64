package org.stimtrial.visit;

import java.util.Arrays;
import java.util.Optional;

/** Urine analytes the trial records, by LOINC code. */
public enum Analyte {
    AMPHETAMINE_SCREEN("19343-3", "Amphetamine [Presence] in Urine by Screen method"),
    METHAMPHETAMINE_SCREEN("19554-5", "Methamphetamine [Presence] in Urine by Screen method"),
    AMPHETAMINES_SCREEN("76492-8", "Amphetamine+Methamphetamine [Presence] in Urine by Screen method");

    private final String loinc;
    private final String display;

    Analyte(String loinc, String display) {
        this.loinc = loinc;
        this.display = display;
    }

    public String loinc() {
        return loinc;
    }

    public String display() {
        return display;
    }

    public static Optional<Analyte> byLoinc(String code) {
        return Arrays.stream(values()).filter(a -> a.loinc.equals(code)).findFirst();
    }
}
