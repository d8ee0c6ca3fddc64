package org.stimtrial.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes in the encoding of Jakarta Security's {@code Pbkdf2PasswordHash}
 * ({@code algorithm:iterations:base64 salt:base64 hash}), so hashes written by either can be checked by the other.
 * The iteration count is stored in each hash, so raising it for new hashes leaves old ones valid.
 */
public final class PasswordHashes {
    /** Jakarta Security's defaults: PBKDF2 with HMAC-SHA-256, 2048 iterations, 32-byte salt and key. */
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 2048;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;
    private static final Set<String> ALGORITHMS = Set.of("PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256",
            "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when the user name is unknown, so that the answer takes as long as for a known one. */
    private static final String DECOY = hash(Long.toHexString(RANDOM.nextLong()).toCharArray());

    private PasswordHashes() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(ALGORITHM, password, salt, ITERATIONS, KEY_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
    }

    /** Whether the password matches the encoded hash; a malformed hash never matches. */
    public static boolean verify(char[] password, String encoded) {
        String[] parts = encoded.split(":");
        if (parts.length != 4 || !ALGORITHMS.contains(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(parts[0], password, salt, iterations, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification without any account, for unknown user names. */
    public static void verifyDecoy(char[] password) {
        verify(password, DECOY);
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
