package org.stimtrial.imports;

import java.util.Objects;
import java.util.Optional;
import org.stimtrial.shared.Sha256;

/**
 * A payload as it arrived and who sent it how, before it is stored; optionally with what its bytes alone say, read
 * beforehand in the sender's thread ({@link #read()}), so that the transaction that stores and applies a group of
 * payloads, one at a time, does not spend its time reading them (parsing was 40% of a group's Java time).
 */
public final class Submission {
    private final Delivery delivery;
    private final byte[] content;
    private final Optional<Reading> reading;

    public Submission(Delivery delivery, byte[] content) {
        this(delivery, content, Optional.empty());
    }

    private Submission(Delivery delivery, byte[] content, Optional<Reading> reading) {
        this.delivery = Objects.requireNonNull(delivery);
        this.content = Objects.requireNonNull(content);
        this.reading = reading;
    }

    /**
     * What a payload's bytes say without the database: their checksum, the sender's id and the records as the format's
     * reader reads them. The same as the pipeline reads inside its transaction, since reading depends on nothing else.
     */
    record Reading(String checksum, Optional<String> sourceId, ParsedBatch parsed) {
    }

    public Delivery delivery() {
        return delivery;
    }

    public byte[] content() {
        return content;
    }

    Optional<Reading> reading() {
        return reading;
    }

    /** Whether its bytes were read beforehand ({@link #read()}). */
    public boolean isRead() {
        return reading.isPresent();
    }

    /**
     * This submission with its bytes read now, in the caller's thread: no database, no transaction. A payload that
     * cannot be read is read as rejected (with its reason), as the pipeline would read it.
     */
    public Submission read() {
        PayloadReader reader = PayloadReader.of(delivery.format(), delivery.protocolCode());
        return new Submission(delivery, content, Optional.of(new Reading(Sha256.hex(content),
                reader.sourceId(content), reader.read(content))));
    }
}
