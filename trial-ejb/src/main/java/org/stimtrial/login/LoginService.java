package org.stimtrial.login;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditAction;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.FieldChange;
import org.stimtrial.login.LoginOutcome.Authenticated;
import org.stimtrial.login.LoginOutcome.Reason;
import org.stimtrial.login.LoginOutcome.Rejected;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.user.AppUser;
import org.stimtrial.user.PasswordHashes;

/**
 * Decides who a caller is. Each call is its own transaction, so a failure, a lockout and their audit records are
 * committed even though the request they belong to is turned away. The account row is locked only when it changes
 * (a failure, a lockout, a success that clears failures or is due to be audited), so parallel requests of one user
 * do not queue behind each other.
 */
@Stateless
public class LoginService {
    private static final int MAX_NAME = 64;

    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;
    private LoginPolicy policy = LoginPolicy.DEFAULT;

    public LoginService() {
    }

    public LoginService(EntityManager em, Clock clock, LoginPolicy policy) {
        this.em = em;
        this.clock = clock;
        this.policy = policy;
    }

    public LoginPolicy policy() {
        return policy;
    }

    /** A user name and password from the login form or HTTP Basic. */
    public LoginOutcome authenticate(String username, char[] password, Channel channel, String origin) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LoginAudit audit = new LoginAudit(em, clock);
        Optional<AppUser> found = find(username);
        if (found.isEmpty() || !found.get().isActive()) {
            PasswordHashes.verifyDecoy(password);
            audit.record(username, channel, origin, found.isEmpty() ? "failure: unknown user"
                    : "failure: account deactivated");
            return new Rejected(found.isEmpty() ? Reason.UNKNOWN_USER : Reason.INACTIVE);
        }
        AppUser user = found.get();
        if (user.isLockedAt(now)) {
            return lockedOut(user, channel, origin, now, audit);
        }
        if (!user.passwordMatches(password)) {
            return wrongPassword(user, channel, origin, now, audit, "failure: wrong password");
        }
        return succeed(user, channel, origin, now, audit);
    }

    /** An API bearer token. */
    public LoginOutcome authenticateToken(String token, String origin) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LoginAudit audit = new LoginAudit(em, clock);
        Optional<ApiToken> found = em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :h", ApiToken.class)
                .setParameter("h", ApiTokens.digest(token)).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().isUsableAt(now)) {
            String owner = found.map(ApiToken::username).orElse("(unknown token)");
            audit.record(owner, Channel.BEARER, origin, found.isEmpty() ? "failure: unknown token"
                    : "failure: token " + found.get().id() + " expired or revoked");
            return new Rejected(Reason.INVALID_TOKEN);
        }
        AppUser user = em.find(AppUser.class, found.get().username());
        if (user == null || !user.isActive()) {
            audit.record(found.get().username(), Channel.BEARER, origin, "failure: account deactivated");
            return new Rejected(Reason.INACTIVE);
        }
        if (user.isLockedAt(now)) {
            return lockedOut(user, Channel.BEARER, origin, now, audit);
        }
        return succeed(user, Channel.BEARER, origin, now, audit);
    }

    /**
     * The signed-in user of a web session, checked again on each request so that deactivating or locking an account
     * ends its sessions. Nothing is recorded: the sign-in that opened the session was.
     */
    public Optional<Authenticated> sessionUser(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return find(username).filter(u -> u.isActive() && !u.isLockedAt(now)).map(LoginService::authenticated);
    }

    /**
     * A password entered again to sign or unblind (Part 11 §11.200). A wrong one counts towards the lockout and is
     * recorded with its purpose; a right one is not recorded here, as the act it confirms is.
     */
    public LoginOutcome confirm(String username, char[] password, String purpose, String origin) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LoginAudit audit = new LoginAudit(em, clock);
        Optional<AppUser> found = find(username).filter(AppUser::isActive);
        if (found.isEmpty()) {
            audit.record(username, Channel.REENTRY, origin, "failure: account unknown or deactivated (" + purpose
                    + ")");
            return new Rejected(Reason.INACTIVE);
        }
        AppUser user = found.get();
        if (user.isLockedAt(now)) {
            return lockedOut(user, Channel.REENTRY, origin, now, audit);
        }
        if (!user.passwordMatches(password)) {
            return wrongPassword(user, Channel.REENTRY, origin, now, audit, "failure: wrong password to " + purpose);
        }
        return authenticated(user);
    }

    /** Records that a web session ended. */
    public void loggedOut(String username, String origin) {
        new LoginAudit(em, clock).record(username, Channel.FORM, origin, "logout");
    }

    /** An administrator lifts a lockout; the change is audited with the administrator's reason. */
    public void unlock(Actor administrator, String username, String reason) {
        AppUser user = find(username).orElseThrow(() -> new UnknownEntityException("user", username));
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        String before = user.lockedUntil().map(OffsetDateTime::toString).orElse(null);
        int failures = user.failedLogins();
        user.unlock();
        new AuditTrail(em, clock).append(administrator, reason, "AppUser", username, null, List.of(
                new FieldChange(AuditAction.UPDATE, "lockedUntil", before, null),
                new FieldChange(AuditAction.UPDATE, "failedLogins", Integer.toString(failures), "0")));
    }

    private Optional<AppUser> find(String username) {
        if (username.isBlank() || username.length() > MAX_NAME) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(AppUser.class, username));
    }

    private LoginOutcome wrongPassword(AppUser user, Channel channel, String origin, OffsetDateTime now,
                                       LoginAudit audit, String outcome) {
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (user.isLockedAt(now)) {
            return lockedOut(user, channel, origin, now, audit);
        }
        boolean locked = user.recordFailure(now, policy.maxFailures(), policy.lockout());
        audit.record(user.username(), channel, origin, outcome + " (" + user.failedLogins() + " of "
                + policy.maxFailures() + ")");
        if (locked) {
            audit.record(user.username(), channel, origin, "account locked until " + lockedUntil(user)
                    + " after " + user.failedLogins() + " consecutive failures");
        }
        return new Rejected(Reason.WRONG_PASSWORD);
    }

    private LoginOutcome lockedOut(AppUser user, Channel channel, String origin, OffsetDateTime now,
                                   LoginAudit audit) {
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (user.claimLockedAttemptRecord(now, policy.lockedAuditInterval())) {
            audit.record(user.username(), channel, origin, "rejected: account locked until "
                    + lockedUntil(user));
        }
        return new Rejected(Reason.LOCKED);
    }

    private LoginOutcome succeed(AppUser user, Channel channel, String origin, OffsetDateTime now,
                                 LoginAudit audit) {
        if (user.successNeedsWrite(now, policy.successAuditInterval())) {
            em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
            if (user.isLockedAt(now)) {
                return lockedOut(user, channel, origin, now, audit);
            }
            if (user.recordSuccess(now, policy.successAuditInterval())) {
                audit.record(user.username(), channel, origin, "success");
            }
        }
        return authenticated(user);
    }

    private static String lockedUntil(AppUser user) {
        return user.lockedUntil().map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("(not locked)");
    }

    private static Authenticated authenticated(AppUser user) {
        return new Authenticated(user.username(), user.fullName(), user.roles());
    }
}
