package org.stimtrial.imports;

import java.util.Optional;

/** Reads one import format: a whole payload, a data manager's correction of one record, and the sender's id. */
interface PayloadReader {
    /** The reader of {@code format}; an ODM reader also needs the study's protocol code. */
    static PayloadReader of(ImportFormat format, String protocolCode) {
        return switch (format) {
            case URINE_SCREEN_CSV -> new UrineScreenCsv();
            case CRAVING_CSV -> new CravingCsv();
            case HL7_ORU_R01 -> new LabResultsHl7();
            case CRAVING_ODM -> new EproOdm(protocolCode);
        };
    }

    ParsedBatch read(byte[] content);

    /** A corrected record as a data manager typed it (the format's own text for one record). */
    ParsedBatch readCorrection(String text);

    /**
     * The sender's identity of the payload (an HL7 message control id, an ODM FileOID), when the format has one: a
     * second payload with the same identity is the same delivery even if its bytes differ.
     */
    default Optional<String> sourceId(byte[] content) {
        return Optional.empty();
    }
}
