package org.stimtrial.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SubjectStatusTest {
    @Test
    void onlyTheProtocolLifecycleIsAllowed() {
        assertEquals(EnumSet.of(SubjectStatus.ELIGIBLE, SubjectStatus.SCREEN_FAILED), SubjectStatus.SCREENED.next());
        assertEquals(EnumSet.of(SubjectStatus.RANDOMIZED, SubjectStatus.SCREEN_FAILED), SubjectStatus.ELIGIBLE.next());
        assertEquals(EnumSet.of(SubjectStatus.COMPLETED, SubjectStatus.WITHDRAWN, SubjectStatus.LOST_TO_FOLLOW_UP),
                SubjectStatus.RANDOMIZED.next());
        assertFalse(SubjectStatus.SCREENED.canMoveTo(SubjectStatus.RANDOMIZED));
        assertFalse(SubjectStatus.WITHDRAWN.canMoveTo(SubjectStatus.RANDOMIZED));
        for (SubjectStatus end : EnumSet.of(SubjectStatus.SCREEN_FAILED, SubjectStatus.COMPLETED,
                SubjectStatus.WITHDRAWN, SubjectStatus.LOST_TO_FOLLOW_UP)) {
            assertTrue(end.isFinal(), end.name());
        }
    }

    @Test
    void endingParticipationNeedsAReasonButCompletingDoesNot() {
        assertTrue(SubjectStatus.WITHDRAWN.requiresReason());
        assertTrue(SubjectStatus.LOST_TO_FOLLOW_UP.requiresReason());
        assertTrue(SubjectStatus.SCREEN_FAILED.requiresReason());
        assertFalse(SubjectStatus.COMPLETED.requiresReason());
    }
}
