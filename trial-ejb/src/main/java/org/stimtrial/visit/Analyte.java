package org.stimtrial.visit;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Urine tests for amphetamine-type stimulants the trial records, by LOINC code: presumptive screens (immunoassay),
 * confirmations (GC-MS or LC-MS/MS) and measured concentrations. Each covers one or both substances.
 */
public enum Analyte {
    AMPHETAMINE_SCREEN("19343-3", "Amphetamine [Presence] in Urine by Screen method", Method.SCREEN,
            Substance.AMPHETAMINE),
    METHAMPHETAMINE_SCREEN("19554-5", "Methamphetamine [Presence] in Urine by Screen method", Method.SCREEN,
            Substance.METHAMPHETAMINE),
    AMPHETAMINES_SCREEN("76492-8", "Amphetamine+Methamphetamine [Presence] in Urine by Screen method", Method.SCREEN,
            Substance.AMPHETAMINE, Substance.METHAMPHETAMINE),
    AMPHETAMINES_CLASS_SCREEN("19261-7", "Amphetamines [Presence] in Urine by Screen method", Method.SCREEN,
            Substance.AMPHETAMINE, Substance.METHAMPHETAMINE),
    AMPHETAMINES_PRESENCE("3349-8", "Amphetamines [Presence] in Urine", Method.SCREEN,
            Substance.AMPHETAMINE, Substance.METHAMPHETAMINE),
    METHAMPHETAMINE_PRESENCE("3779-6", "Methamphetamine [Presence] in Urine", Method.SCREEN,
            Substance.METHAMPHETAMINE),
    AMPHETAMINE_CONFIRMATION("19344-1", "Amphetamine [Presence] in Urine by Confirmatory method",
            Method.CONFIRMATION, Substance.AMPHETAMINE),
    METHAMPHETAMINE_CONFIRMATION("19555-2", "Methamphetamine [Presence] in Urine by Confirmatory method",
            Method.CONFIRMATION, Substance.METHAMPHETAMINE),
    AMPHETAMINE_CONCENTRATION("16234-7", "Amphetamine [Mass/volume] in Urine", Method.QUANTITATIVE,
            Substance.AMPHETAMINE),
    METHAMPHETAMINE_CONCENTRATION("16235-4", "Methamphetamine [Mass/volume] in Urine", Method.QUANTITATIVE,
            Substance.METHAMPHETAMINE);

    /** How the result was obtained. */
    public enum Method {
        /** A presumptive immunoassay screen. */
        SCREEN,
        /** A confirmatory chromatography / mass-spectrometry test. */
        CONFIRMATION,
        /** A measured concentration, compared with a cutoff. */
        QUANTITATIVE
    }

    /** The substances a test detects. */
    public enum Substance {
        AMPHETAMINE, METHAMPHETAMINE
    }

    /**
     * The confirmatory cutoff of the US HHS Mandatory Guidelines for amphetamine and methamphetamine (250 ng/mL),
     * used when a quantitative result arrives without a cutoff of its own.
     */
    public static final BigDecimal DEFAULT_CONFIRMATION_CUTOFF_NG_ML = new BigDecimal("250");

    private final String loinc;
    private final String display;
    private final Method method;
    private final Set<Substance> substances;

    Analyte(String loinc, String display, Method method, Substance first, Substance... more) {
        this.loinc = loinc;
        this.display = display;
        this.method = method;
        this.substances = EnumSet.of(first, more);
    }

    public String loinc() {
        return loinc;
    }

    /**
     * The SDTM-style short test code by substance ({@code AMPHET}, {@code METHAMPH}, {@code AMPHETS} for a test of
     * the class); the method and the LOINC code tell the tests of one substance apart.
     */
    public String testCode() {
        if (substances.size() > 1) {
            return "AMPHETS";
        }
        return substances.contains(Substance.AMPHETAMINE) ? "AMPHET" : "METHAMPH";
    }

    public String display() {
        return display;
    }

    public Method method() {
        return method;
    }

    public Set<Substance> substances() {
        return EnumSet.copyOf(substances);
    }

    /** Whether this is a confirmation or a measured concentration, which overrides a presumptive screen. */
    public boolean definitive() {
        return method != Method.SCREEN;
    }

    public static Optional<Analyte> byLoinc(String code) {
        return Optional.ofNullable(ByLoinc.CODES.get(code));
    }

    /** The analytes by LOINC code, built once the constants exist. */
    private static final class ByLoinc {
        private static final Map<String, Analyte> CODES = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(a -> a.loinc, a -> a));
    }
}
