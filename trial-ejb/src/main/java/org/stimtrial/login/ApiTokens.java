package org.stimtrial.login;

import java.security.SecureRandom;
import java.util.Base64;
import org.stimtrial.shared.Sha256;

/** Token text and its stored digest: 32 random bytes, URL-safe Base64, prefixed so that leaked tokens are findable. */
final class ApiTokens {
    static final String PREFIX = "stt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String token) {
        return Sha256.hex(token);
    }
}
