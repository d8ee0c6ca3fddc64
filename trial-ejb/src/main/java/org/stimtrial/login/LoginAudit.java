package org.stimtrial.login;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Optional;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.RecordState;

/**
 * Sign-in events in the audit trail: entity {@code Login}, the claimed user name as entity id, field
 * {@code outcome}, the channel and the caller's address as source reference.
 */
final class LoginAudit {
    static final String ENTITY = "Login";
    private static final int MAX_NAME = 64;

    private final AuditTrail trail;

    LoginAudit(EntityManager em, Clock clock) {
        this.trail = new AuditTrail(em, clock);
    }

    void record(String claimedName, Channel channel, String origin, String outcome) {
        String name = claimedName.isBlank() ? "(blank)" : truncate(claimedName);
        Actor actor = new Actor(name, channel.source(), Optional.of(channel.name().toLowerCase() + " from "
                + truncate(origin)));
        trail.inserted(actor, null, ENTITY, name, null, RecordState.fields("outcome", outcome));
    }

    private static String truncate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX_NAME ? printable : printable.substring(0, MAX_NAME);
    }
}
