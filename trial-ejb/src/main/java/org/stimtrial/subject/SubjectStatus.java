package org.stimtrial.subject;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a participant: screened, then eligible or screen-failed; eligible participants are randomized;
 * randomized participants complete, withdraw or are lost to follow-up. Every other change is illegal.
 */
public enum SubjectStatus {
    SCREENED, ELIGIBLE, SCREEN_FAILED, RANDOMIZED, COMPLETED, WITHDRAWN, LOST_TO_FOLLOW_UP;

    public Set<SubjectStatus> next() {
        return switch (this) {
            case SCREENED -> EnumSet.of(ELIGIBLE, SCREEN_FAILED);
            case ELIGIBLE -> EnumSet.of(RANDOMIZED, SCREEN_FAILED);
            case RANDOMIZED -> EnumSet.of(COMPLETED, WITHDRAWN, LOST_TO_FOLLOW_UP);
            case SCREEN_FAILED, COMPLETED, WITHDRAWN, LOST_TO_FOLLOW_UP -> EnumSet.noneOf(SubjectStatus.class);
        };
    }

    public boolean canMoveTo(SubjectStatus target) {
        return next().contains(target);
    }

    /** Statuses that end participation need a reason (screen failure, withdrawal, loss to follow-up). */
    public boolean requiresReason() {
        return this == SCREEN_FAILED || this == WITHDRAWN || this == LOST_TO_FOLLOW_UP;
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
