package org.stimtrial.randomization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the randomization service returns. Only the types marked unblinded carry an arm. */
public final class RandomizationViews {
    private RandomizationViews() {
    }

    /** What the site sees after randomizing: the kit to dispense, never the arm. */
    public record Randomized(String screeningNumber, String kitNumber, LocalDate randomizedOn, String stratum) {
    }

    /** Unblinded: the scheme, with the seed only in the response that created it (it is never stored). */
    public record SchemeView(String method, List<String> factors, List<Integer> blockSizes,
                             Map<String, Double> weights, Double probability, int strata, int entries, int used,
                             String seedDigest, String seed, String createdBy, OffsetDateTime createdAt) {
    }

    /** Unblinded: one entry of the allocation list. */
    public record ListEntry(String stratum, int sequence, int block, int blockSize, String arm, String kitNumber,
                            String usedBy) {
    }

    /** Unblinded: who received which arm. */
    public record UnblindedAllocation(String screeningNumber, String site, String kitNumber, String arm,
                                      String method, String stratum, OffsetDateTime allocatedAt) {
    }

    /** Unblinded: an exhausted stratum or arm. */
    public record AlertView(String kind, String stratum, String message, String raisedBy, OffsetDateTime raisedAt) {
    }

    /** The one subject's arm revealed by an emergency unblinding, to the investigator who asked. */
    public record Unblinded(String screeningNumber, String kitNumber, String arm, String armName, String drug,
                            String dose, OffsetDateTime unblindedAt) {
    }

    /** The report of emergency unblindings (no arm): who, when, why. */
    public record UnblindingView(String screeningNumber, String site, String username, String reason,
                                 OffsetDateTime unblindedAt) {
    }
}
