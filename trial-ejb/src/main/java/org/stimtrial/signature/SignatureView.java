package org.stimtrial.signature;

import java.time.OffsetDateTime;

/**
 * A signature as displayed (§11.50): printed name, time and meaning, what it covers, and whether it still holds. An
 * invalidated signature names the first change that broke it and asks for a new signature.
 */
public record SignatureView(long id, String scope, String visit, String signedBy, String printedName,
                            String meaning, String meaningText, OffsetDateTime signedAt, String contentHash,
                            Status status, Invalidation invalidation) {
    /** Whether the signed data are still as they were signed. */
    public enum Status {
        VALID, INVALIDATED
    }

    /** The change after signing that invalidated the signature (absent from the JSON while it is valid). */
    public record Invalidation(OffsetDateTime changedAt, String changedBy, String entity, String field,
                               String reason, String message) {
    }
}
