package org.stimtrial.login;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditAction;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.FieldChange;
import org.stimtrial.audit.RecordState;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;

/** Issuing, listing and revoking a user's own API bearer tokens. */
@Stateless
public class ApiTokenService {
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(8);
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);
    private static final int MAX_LABEL = 100;

    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public ApiTokenService() {
    }

    public ApiTokenService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A new token for the caller; its text is in the answer and nowhere else. */
    public IssuedToken issue(Actor owner, String label, Duration validity) {
        if (label.isBlank() || label.length() > MAX_LABEL) {
            throw new ValidationFailedException("label", "give the token a name of 1 to " + MAX_LABEL
                    + " characters, e.g. the script that will use it");
        }
        if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new ValidationFailedException("validHours", "a token is valid for at least one minute and at most "
                    + MAX_VALIDITY.toDays() + " days");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String token = ApiTokens.newToken();
        ApiToken stored = new ApiToken(owner.username(), ApiTokens.digest(token), label.strip(), now,
                now.plus(validity));
        em.persist(stored);
        em.flush();
        new AuditTrail(em, clock).inserted(owner, null, "ApiToken", Long.toString(stored.id()), null,
                RecordState.fields("label", stored.label(), "expiresAt", stored.expiresAt().toString()));
        return new IssuedToken(stored.id(), token, stored.label(), stored.createdAt(), stored.expiresAt());
    }

    /** The caller's tokens, newest first, without their text. */
    public List<TokenView> tokens(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.username = :u ORDER BY t.createdAt DESC",
                ApiToken.class).setParameter("u", username).getResultStream()
                .map(t -> new TokenView(t.id(), t.label(), t.createdAt(), t.expiresAt(), t.revokedAt().orElse(null),
                        t.isUsableAt(now))).toList();
    }

    /** Revokes one of the caller's own tokens; another user's token is answered as unknown. */
    public void revoke(Actor owner, long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.username().equals(owner.username())) {
            throw new UnknownEntityException("token", id);
        }
        if (token.revokedAt().isPresent()) {
            return;
        }
        token.revoke(OffsetDateTime.now(clock));
        new AuditTrail(em, clock).append(owner, null, "ApiToken", Long.toString(id), null, List.of(
                new FieldChange(AuditAction.UPDATE, "revokedAt", null, token.revokedAt().orElseThrow().toString())));
    }

    /** A token as issued: the only time its text is shown. */
    public record IssuedToken(long id, String token, String label, OffsetDateTime createdAt,
                              OffsetDateTime expiresAt) {
    }

    /** A token as listed. */
    public record TokenView(long id, String label, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime revokedAt, boolean usable) {
    }
}
