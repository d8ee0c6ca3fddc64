package org.stimtrial.shared;

import java.util.Objects;

/** One field that failed a hard edit check, named the way the client sent it (e.g. {@code responses.vas}). */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
