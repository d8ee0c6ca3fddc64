package org.stimtrial.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.stimtrial.shared.BaseEntity;

/** A bearer token for API scripts: only the SHA-256 of the token is kept; it expires and can be revoked. */
@Entity
@Table(name = "api_token")
public class ApiToken extends BaseEntity {
    @Column(nullable = false)
    private String username;
    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;
    @Column(nullable = false)
    private String label;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiToken() {
    }

    ApiToken(String username, String tokenHash, String label, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.username = Objects.requireNonNull(username);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.label = Objects.requireNonNull(label);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public String username() {
        return username;
    }

    public String label() {
        return label;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public Optional<OffsetDateTime> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public boolean isUsableAt(OffsetDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(OffsetDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
