package org.stimtrial.imports;

import java.util.Objects;

/** A payload as it arrived and who sent it how, before it is stored. */
public record Submission(Delivery delivery, byte[] content) {
    public Submission {
        Objects.requireNonNull(delivery);
        Objects.requireNonNull(content);
    }
}
