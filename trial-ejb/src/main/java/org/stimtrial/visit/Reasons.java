package org.stimtrial.visit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Map;
import org.stimtrial.audit.Auditable;
import org.stimtrial.shared.StaleVersionException;
import org.stimtrial.shared.ValidationFailedException;

/** The two rules every change to saved data follows: a reason for change, and an edit of the current version. */
public final class Reasons {
    private Reasons() {
    }

    /** A change after a value's first save needs a reason (21 CFR 11.10(e)). */
    public static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailedException("reason", "a reason for change is required to change saved data");
        }
        return reason.strip();
    }

    /** Optimistic locking: the client must have edited the version that is stored. */
    public static void requireVersion(String what, Long submitted, long current) {
        if (submitted == null) {
            throw new ValidationFailedException("version", "the version you edited is required to change saved data");
        }
        if (submitted != current) {
            throw new StaleVersionException(what, submitted, current);
        }
    }

    /**
     * A form whose changes lie in its child rows (item responses, analyte results) still gets a new version, so the
     * next stale edit of the form is caught. Flushes, so the returned view carries the new version.
     */
    public static void bumpVersion(EntityManager em, Auditable form, Map<String, String> before) {
        if (!before.equals(form.auditState())) {
            em.lock(form, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
    }
}
