package org.stimtrial.analysis.snapshot;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The rows of a {@link TrialSnapshot}, one record per kind, each with its canonical fields. */
public final class SnapshotRows {
    private SnapshotRows() {
    }

    /** A treatment arm (the arm list is not secret; who is on which arm is). */
    public record ArmRow(String code, String name, boolean placebo) {
    }

    /** A site and its time zone. */
    public record SiteRow(String code, String name, String timeZone) {
    }

    /** A visit of the schedule; {@code week} is empty for screening. */
    public record VisitPlanRow(String code, String name, int ordinal, OptionalInt week, int targetDay,
                               int windowBefore, int windowAfter) {
    }

    /**
     * A participant. {@code arm} is empty when the participant was never randomized and in every blinded copy of
     * the snapshot.
     */
    public record SubjectRow(String subject, String site, Optional<String> arm, String sex, int yearOfBirth,
                             LocalDate consentDate, String status, LocalDate statusDate,
                             Optional<LocalDate> randomizedOn) {
        /** Whether the participant was randomized (whatever the arm's visibility). */
        public boolean randomized() {
            return randomizedOn.isPresent();
        }

        /** Age in whole years at consent, from the year of birth (the only date of birth the trial keeps). */
        public int ageAtConsent() {
            return consentDate.getYear() - yearOfBirth;
        }
    }

    /** A scheduled visit with its status and, when done, its date. */
    public record VisitRow(String subject, String visit, String status, Optional<LocalDate> date) {
    }

    /** One urine specimen: negative for amphetamine-type stimulants or not (positive, invalid, not done). */
    public record ScreenRow(String subject, String visit, String specimen, LocalDate collectedOn, boolean negative) {
    }

    /**
     * One analyte's result on a urine specimen: a short test code by substance ({@code AMPHET}, {@code METHAMPH},
     * {@code AMPHETS} for the class), the LOINC code and its name, the method ({@code SCREEN}, {@code CONFIRMATION},
     * {@code QUANTITATIVE}), the qualitative result ({@code NEGATIVE}, {@code POSITIVE}, {@code INVALID},
     * {@code NOT_DONE}) and, as recorded (decimal text, ng/mL), the cutoff and the measured concentration.
     */
    public record AnalyteRow(String subject, String visit, String specimen, String testCode, String loinc,
                             String test, String method, String result, Optional<String> cutoffNgMl,
                             Optional<String> concentrationNgMl) {
    }

    /** One craving scale score, e.g. instrument VAS scale craving, BSCS total, ACQ subscales. */
    public record CravingRow(String subject, String visit, String instrument, String scale, LocalDate assessedOn,
                             double score) {
    }

    /** An adverse event; severity is the CTCAE grade 1-5. */
    public record AdverseEventRow(String subject, String term, LocalDate onset, Optional<LocalDate> end,
                                  int severity, boolean serious, String relatedness, String outcome) {
    }

    /** A data query and its status. */
    public record QueryRow(String subject, String item, String origin, String status, LocalDate raisedOn) {
    }

    /** One import record in quarantine (not applied), with the site it came from and its reason. */
    public record QuarantineRow(String site, String format, long batch, String reason) {
    }

    /** A participant's visit: the key of per-visit summaries. */
    public record SubjectVisit(String subject, String visit) {
    }

    /** Every kind of row in snapshot order, for codecs that walk them. */
    public static List<Class<? extends Record>> kinds() {
        return List.of(ArmRow.class, SiteRow.class, VisitPlanRow.class, SubjectRow.class, VisitRow.class,
                ScreenRow.class, CravingRow.class, AdverseEventRow.class, QueryRow.class, QuarantineRow.class);
    }
}
