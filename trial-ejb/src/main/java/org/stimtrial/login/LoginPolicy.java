package org.stimtrial.login;

import java.time.Duration;

/**
 * How sign-in failures and successes are handled: an account is locked for {@code lockout} after
 * {@code maxFailures} consecutive failures; a success is written to the audit trail at most once per
 * {@code successAuditInterval} per user (HTTP Basic authenticates every request), a rejected attempt on a locked
 * account at most once per {@code lockedAuditInterval}. Failures before the lock are always recorded.
 */
public record LoginPolicy(int maxFailures, Duration lockout, Duration successAuditInterval,
                          Duration lockedAuditInterval) {
    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15),
            Duration.ofMinutes(1));

    public LoginPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("at least one failure must be allowed before a lockout");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("a lockout must last some time");
        }
        if (successAuditInterval.isNegative() || lockedAuditInterval.isNegative()) {
            throw new IllegalArgumentException("audit intervals cannot be negative");
        }
    }

    public LoginPolicy withMaxFailures(int n) {
        return new LoginPolicy(n, lockout, successAuditInterval, lockedAuditInterval);
    }

    public LoginPolicy withLockout(Duration d) {
        return new LoginPolicy(maxFailures, d, successAuditInterval, lockedAuditInterval);
    }

    public LoginPolicy withSuccessAuditInterval(Duration d) {
        return new LoginPolicy(maxFailures, lockout, d, lockedAuditInterval);
    }
}
