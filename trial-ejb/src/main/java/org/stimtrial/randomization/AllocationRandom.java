package org.stimtrial.randomization;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deterministic random stream keyed by the secret seed: block i of the stream is HMAC-SHA256(seed, label || i).
 * Anyone holding the seed reproduces the allocation list exactly; without it, the list cannot be predicted (HMAC is
 * a pseudo-random function). Each stratum draws from its own labelled stream, so strata are independent and adding a
 * stratum does not change the others.
 */
public final class AllocationRandom {
    private final Mac mac;
    private final byte[] label;
    private long counter;
    private ByteBuffer block = ByteBuffer.allocate(0);

    public AllocationRandom(byte[] seed, String label) {
        if (seed.length < 16) {
            throw new IllegalArgumentException("the seed must have at least 128 bits");
        }
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        this.label = label.getBytes(StandardCharsets.UTF_8);
    }

    private long nextLong() {
        if (block.remaining() < Long.BYTES) {
            mac.update(label);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
            block = ByteBuffer.wrap(mac.doFinal());
        }
        return block.getLong();
    }

    /** Uniform in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long v = nextLong() >>> 1;
            if (v < limit) {
                return (int) (v % bound);
            }
        }
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
