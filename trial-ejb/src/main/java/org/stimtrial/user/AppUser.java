package org.stimtrial.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import org.stimtrial.study.Site;

/** A person who logs in, with a PBKDF2 password hash (never the password) and their roles. */
@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    private String username;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "app_user_site", joinColumns = @JoinColumn(name = "username"),
            inverseJoinColumns = @JoinColumn(name = "site_id"))
    private Set<Site> sites = new HashSet<>();
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;
    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;
    @Column(name = "last_login_audited_at")
    private OffsetDateTime lastLoginAuditedAt;
    @Column(name = "lockout_audited_at")
    private OffsetDateTime lockoutAuditedAt;

    protected AppUser() {
    }

    public AppUser(String username, String fullName, String passwordHash, Set<Role> roles) {
        this.username = Objects.requireNonNull(username);
        this.fullName = Objects.requireNonNull(fullName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = new HashSet<>(roles);
        this.active = true;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isActive() {
        return active;
    }

    /** Whether the account is locked at {@code now} after repeated failed sign-ins. */
    public boolean isLockedAt(OffsetDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Until when the account is locked, if it has been locked (the time may have passed). */
    public Optional<OffsetDateTime> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    /** Consecutive failed sign-ins since the last success, unlock or expired lock. */
    public int failedLogins() {
        return failedLogins;
    }

    /**
     * Counts a failed sign-in at {@code now}; the {@code maxFailures}-th consecutive failure locks the account for
     * {@code lockout}. An expired lock starts the count afresh. Returns whether this failure locked the account.
     */
    public boolean recordFailure(OffsetDateTime now, int maxFailures, Duration lockout) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            lockedUntil = null;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins >= maxFailures && lockedUntil == null) {
            lockedUntil = now.plus(lockout);
            lockoutAuditedAt = null;
            return true;
        }
        return false;
    }

    /** Whether a rejected attempt on the locked account should be recorded (at most once per interval). */
    public boolean claimLockedAttemptRecord(OffsetDateTime now, Duration interval) {
        if (lockoutAuditedAt != null && now.isBefore(lockoutAuditedAt.plus(interval))) {
            return false;
        }
        lockoutAuditedAt = now;
        return true;
    }

    /** Whether a successful sign-in changes the account or is due to be written to the audit trail. */
    public boolean successNeedsWrite(OffsetDateTime now, Duration auditInterval) {
        return failedLogins > 0 || lockedUntil != null || lastLoginAuditedAt == null
                || !now.isBefore(lastLoginAuditedAt.plus(auditInterval));
    }

    /**
     * A successful sign-in: clears failures and an expired lock. Returns whether to write it to the audit trail: the
     * first success after failures or an unlock always, otherwise once per interval.
     */
    public boolean recordSuccess(OffsetDateTime now, Duration auditInterval) {
        boolean afterFailures = failedLogins > 0 || lockedUntil != null;
        failedLogins = 0;
        lockedUntil = null;
        if (afterFailures || lastLoginAuditedAt == null || !now.isBefore(lastLoginAuditedAt.plus(auditInterval))) {
            lastLoginAuditedAt = now;
            return true;
        }
        return false;
    }

    /** Lifts a lockout (an administrator's decision, audited by the caller). */
    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAuditedAt = null;
    }

    /** Whether the password is this user's, checked against the stored PBKDF2 hash. */
    public boolean passwordMatches(char[] password) {
        return PasswordHashes.verify(password, passwordHash);
    }

    /** The sites a coordinator or investigator works at ({@code STUDY/SITE} codes). */
    public Set<String> siteKeys() {
        Set<String> keys = new HashSet<>();
        sites.forEach(s -> keys.add(SiteScope.key(s.study().protocolCode(), s.code())));
        return keys;
    }

    /** Assigns the user to a site (administration and the demo users). */
    public void assign(Site site) {
        sites.add(site);
    }

    /** Takes the user off a site; returns whether they were assigned to it. */
    public boolean unassign(Site site) {
        return sites.remove(site);
    }
}
