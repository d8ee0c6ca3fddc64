package org.stimtrial.visit;

import java.time.LocalDate;
import java.util.Optional;
import org.stimtrial.study.VisitDefinition;

/**
 * What the visit windows look at in one of a participant's scheduled visits: which visit of the protocol it is, its
 * status, and its date once held. A {@link Visit} is one; the bulk import reads the same three facts without loading
 * the entity.
 */
public interface ScheduledVisit {
    VisitDefinition definition();

    VisitStatus status();

    Optional<LocalDate> visitDate();
}
