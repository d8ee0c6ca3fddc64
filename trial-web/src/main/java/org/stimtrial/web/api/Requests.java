package org.stimtrial.web.api;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON bodies the API accepts. Changes to saved data carry the version edited and a reason. */
public final class Requests {
    private Requests() {
    }

    /** Screen a participant. */
    public record ScreeningRequest(@Required String screeningNumber,
                                   @Required String site,
                                   @Required String sex,
                                   @Required Integer yearOfBirth,
                                   @Required LocalDate consentDate) {
    }

    /** Change a subject's status. */
    public record StatusRequest(@Required String status, @Required LocalDate date, String reason) {
    }

    /** Record a visit as done on a date, or missed. */
    public record VisitRequest(@Required String status, LocalDate date, Long version, String reason) {
    }

    /** Answers to a craving instrument. */
    public record CravingRequest(@Required String instrument, @Required LocalDate assessedOn,
                                 @Required Map<String, BigDecimal> responses, Long version,
                                 String reason) {
    }

    /** One analyte result of a urine specimen. */
    public record AnalyteRequest(@Required String loinc, @Required String result, BigDecimal cutoffNgMl) {
    }

    /** A urine specimen and its results. */
    public record UrineScreenRequest(String specimenId, @Required OffsetDateTime collectedAt,
                                     @Required String source, @Required String validity,
                                     @Required @Valid List<AnalyteRequest> results,
                                     Long version, String reason) {
    }

    /** A pill count. */
    public record AdherenceRequest(@Required Integer unitsDispensed, @Required Integer unitsReturned,
                                   @Required Integer days, @Required Integer unitsPerDay, Long version,
                                   String reason) {
    }

    /** An adverse event. */
    public record AdverseEventRequest(@Required String term, @Required LocalDate onsetDate,
                                      LocalDate endDate, @Required Integer severity, @Required Boolean serious,
                                      @Required String relatedness, @Required String actionTaken,
                                      @Required String outcome, Long version, String reason) {
    }

    /** A data manager's query. */
    public record QueryRequest(@Required String subject, @Required String itemRef,
                               @Required String text) {
    }

    /** A message on a query's thread. */
    public record QueryMessageRequest(@Required String action, @Required String message) {
    }

    /** Randomize a participant: levels of the scheme's stratification factors other than site, and the date. */
    public record RandomizeRequest(java.util.Map<String, String> strata, LocalDate date) {
    }

    /** One stratification or minimization factor; {@code site} takes its levels from the study. */
    public record FactorRequest(@Required String name, java.util.List<String> levels) {
    }

    /** Configure the study's randomization (unblinded statistician). */
    public record SchemeRequest(@Required String method, @Required java.util.List<FactorRequest> factors,
                                java.util.List<Integer> blockMultiples, Integer entriesPerStratum,
                                java.util.Map<String, Double> weights, Double probability, Integer kitsPerArm,
                                String seed) {
    }

    /** Emergency unblinding: the reason, and the investigator's password entered again. */
    public record UnblindingRequest(@Required String reason, @Required String password) {
    }

    /** Sign a visit ({@code visit} given) or the whole casebook, with the password entered again. */
    public record SignatureRequest(String visit, @Required String meaning, @Required String password) {
    }

    /** Issue an API token valid for {@code validHours} (default 8, at most 90 days). */
    public record TokenRequest(@Required String label, Integer validHours) {
    }

    /** Lift a user's lockout, saying why. */
    public record UnlockRequest(@Required String reason) {
    }
}
