package org.stimtrial.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.QualitativeResult;

/**
 * One OBX of a laboratory message read as an analyte result. OBX-3: a LOINC code this trial records. OBX-5: a coded
 * or text result (Positive/Negative, SNOMED CT 260373001 Detected / 260415000 Not detected, LOINC answers LA6576-8
 * Positive / LA6577-6 Negative) or, with value type NM, a concentration with its units in OBX-6, positive at or above
 * the cutoff (OBX-7 as {@code <250}, {@code <=250} or {@code 250}; for a quantitative test without one, the
 * confirmatory cutoff of 250 ng/mL). OBX-11: F (final) and C (corrected) are taken, X (cannot be obtained) is
 * recorded as not done; anything else is left for a data manager.
 */
final class LabObservation {
    private static final Map<String, QualitativeResult> ANSWERS = Map.ofEntries(
            Map.entry("POSITIVE", QualitativeResult.POSITIVE), Map.entry("POS", QualitativeResult.POSITIVE),
            Map.entry("DETECTED", QualitativeResult.POSITIVE), Map.entry("260373001", QualitativeResult.POSITIVE),
            Map.entry("LA6576-8", QualitativeResult.POSITIVE),
            Map.entry("NEGATIVE", QualitativeResult.NEGATIVE), Map.entry("NEG", QualitativeResult.NEGATIVE),
            Map.entry("NOT DETECTED", QualitativeResult.NEGATIVE), Map.entry("260415000", QualitativeResult.NEGATIVE),
            Map.entry("LA6577-6", QualitativeResult.NEGATIVE),
            Map.entry("INVALID", QualitativeResult.INVALID));
    /** Units of mass concentration, as the factor to ng/mL. */
    private static final Map<String, BigDecimal> UNITS = Map.of("NG/ML", BigDecimal.ONE, "UG/L", BigDecimal.ONE,
            "MCG/L", BigDecimal.ONE, "MG/L", BigDecimal.valueOf(1000), "UG/ML", BigDecimal.valueOf(1000),
            "MCG/ML", BigDecimal.valueOf(1000));
    private static final Pattern CUTOFF_UNITS = Pattern.compile("(?i)\\s*(ng/ml|ug/l)$");
    private static final Pattern CUTOFF = Pattern.compile("\\s*(?:<=?|>=?)?\\s*(\\d+(?:\\.\\d+)?)\\s*");

    private final Hl7Segment obx;
    private final int position;

    LabObservation(Hl7Segment obx, int position) {
        this.obx = obx;
        this.position = position;
    }

    /** How problems with this OBX are introduced. */
    String where() {
        String setId = obx.value(1);
        return "OBX " + (setId.isBlank() ? Integer.toString(position) : setId.strip());
    }

    boolean isCorrection() {
        return "C".equals(status());
    }

    Optional<AnalyteEntry> read(List<String> errors) {
        int before = errors.size();
        Optional<Analyte> analyte = analyte(errors);
        String status = status();
        Optional<QualitativeResult> notDone = Optional.empty();
        switch (status) {
            case "F", "C" -> {
            }
            case "X" -> notDone = Optional.of(QualitativeResult.NOT_DONE);
            case "" -> errors.add(where() + ": OBX-11 (result status) is empty");
            case "P" -> errors.add(where() + ": OBX-11 'P' is a preliminary result; only final (F) and corrected (C)"
                    + " results are recorded");
            case "D", "W" -> errors.add(where() + ": OBX-11 '" + status + "' withdraws a result; a data manager"
                    + " must review the specimen");
            default -> errors.add(where() + ": OBX-11 '" + status + "' is not a result status this interface takes"
                    + " (F, C or X)");
        }
        if (analyte.isEmpty() || errors.size() > before) {
            return Optional.empty();
        }
        if (notDone.isPresent()) {
            return Optional.of(new AnalyteEntry(analyte.get(), notDone.get(), Optional.empty()));
        }
        String value = obx.repetition(5);
        if (value.isBlank()) {
            errors.add(where() + ": OBX-5 (the result) is empty");
            return Optional.empty();
        }
        if ("NM".equals(valueType())) {
            return concentration(analyte.get(), obx.value(5).strip(), errors);
        }
        return coded(analyte.get(), value, errors);
    }

    private Optional<Analyte> analyte(List<String> errors) {
        String code = obx.value(3, 1).strip();
        String system = obx.value(3, 3).strip();
        if (!system.isEmpty() && !system.equals("LN")) {
            errors.add(where() + ": OBX-3 is coded in '" + system + "'; this interface takes LOINC (LN) codes");
            return Optional.empty();
        }
        if (code.isEmpty()) {
            errors.add(where() + ": OBX-3 (the test's LOINC code) is empty");
            return Optional.empty();
        }
        Optional<Analyte> analyte = Analyte.byLoinc(code);
        if (analyte.isEmpty()) {
            errors.add(where() + ": LOINC " + code + " is not an amphetamine or methamphetamine urine test this"
                    + " trial records");
        }
        return analyte;
    }

    private Optional<AnalyteEntry> coded(Analyte analyte, String value, List<String> errors) {
        for (int component = 1; component <= 2; component++) {
            QualitativeResult result = ANSWERS.get(obx.value(5, component).strip().toUpperCase(Locale.ROOT));
            if (result != null) {
                return Optional.of(new AnalyteEntry(analyte, result, cutoff(errors)));
            }
        }
        errors.add(where() + ": OBX-5 '" + value + "' is not a result this interface reads (Positive/Negative,"
                + " SNOMED CT 260373001/260415000, LOINC LA6576-8/LA6577-6, or a number with value type NM)");
        return Optional.empty();
    }

    private Optional<AnalyteEntry> concentration(Analyte analyte, String value, List<String> errors) {
        BigDecimal measured;
        try {
            measured = new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(where() + ": OBX-5 '" + value + "' is not a number (OBX-2 says NM)");
            return Optional.empty();
        }
        if (measured.signum() < 0) {
            errors.add(where() + ": OBX-5 " + value + " is a negative concentration");
            return Optional.empty();
        }
        String unit = obx.value(6, 1).strip();
        BigDecimal factor = UNITS.get(unit.toUpperCase(Locale.ROOT));
        if (unit.isEmpty()) {
            errors.add(where() + ": OBX-6 (units) is empty; a concentration needs its units (ng/mL)");
            return Optional.empty();
        }
        if (factor == null) {
            errors.add(where() + ": OBX-6 unit '" + unit + "' is not a mass concentration this interface reads"
                    + " (ng/mL, ug/L, mg/L, ug/mL)");
            return Optional.empty();
        }
        Optional<BigDecimal> given = cutoff(errors);
        if (given.isEmpty() && analyte.method() != Analyte.Method.QUANTITATIVE) {
            errors.add(where() + ": a numeric result of a presence test needs its cutoff in OBX-7");
            return Optional.empty();
        }
        BigDecimal ngPerMl = measured.multiply(factor);
        BigDecimal cutoff = given.map(c -> c.multiply(factor)).orElse(Analyte.DEFAULT_CONFIRMATION_CUTOFF_NG_ML);
        QualitativeResult result = ngPerMl.compareTo(cutoff) >= 0 ? QualitativeResult.POSITIVE
                : QualitativeResult.NEGATIVE;
        return Optional.of(new AnalyteEntry(analyte, result, Optional.of(cutoff), Optional.of(ngPerMl)));
    }

    /** The cutoff in OBX-7, in the result's units; empty when OBX-7 is empty. */
    private Optional<BigDecimal> cutoff(List<String> errors) {
        String range = obx.value(7).strip();
        if (range.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CUTOFF.matcher(CUTOFF_UNITS.matcher(range).replaceAll(""));
        if (!m.matches()) {
            errors.add(where() + ": OBX-7 '" + range + "' is not a cutoff (e.g. <500 or 500)");
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(m.group(1)));
    }

    private String status() {
        return obx.value(11).strip().toUpperCase(Locale.ROOT);
    }

    private String valueType() {
        return obx.value(2).strip().toUpperCase(Locale.ROOT);
    }
}
