package org.stimtrial.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** What an {@code Authorization} header carries, read without trusting it. */
sealed interface Credentials {
    /** HTTP Basic: a user name and password. */
    record Basic(String username, char[] password) implements Credentials {
    }

    /** A bearer token. */
    record Bearer(String token) implements Credentials {
    }

    /** A header that is present but cannot be read (wrong scheme, bad Base64, no colon). */
    record Unreadable() implements Credentials {
    }

    /** The credentials of the header, if there is one. */
    static Optional<Credentials> of(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        String scheme = h.contains(" ") ? h.substring(0, h.indexOf(' ')).toLowerCase(Locale.ROOT) : "";
        String value = h.contains(" ") ? h.substring(h.indexOf(' ') + 1).strip() : "";
        if (scheme.equals("bearer") && !value.isEmpty()) {
            return Optional.of(new Bearer(value));
        }
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return Optional.of(new Basic(decoded.substring(0, colon),
                            decoded.substring(colon + 1).toCharArray()));
                }
            } catch (IllegalArgumentException e) {
                return Optional.of(new Unreadable());
            }
        }
        return Optional.of(new Unreadable());
    }
}
