package org.stimtrial.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a change and through which channel. {@code sourceRef} names the import batch (or message id) when the
 * change came from an import; it is empty otherwise.
 */
public record Actor(String username, Source source, Optional<String> sourceRef) {
    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceRef, "sourceRef");
        if (username.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user name");
        }
    }

    public static Actor of(String username, Source source) {
        return new Actor(username, source, Optional.empty());
    }
}
