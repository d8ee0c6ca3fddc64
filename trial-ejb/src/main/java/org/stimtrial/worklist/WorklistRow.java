package org.stimtrial.worklist;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One participant on the worklist.
 *
 * @param nextVisit       the first visit still scheduled, by protocol order (absent once none is left)
 * @param nextVisitDue    its target date (absent until the baseline date is known)
 * @param overdueVisits   scheduled visits whose window closed before today
 * @param openQueries     queries raised and not yet answered
 * @param randomizedOn    the baseline visit's date (protocol day 0), else the date of randomization, once randomized
 */
public record WorklistRow(String screeningNumber, String site, String status, LocalDate statusDate,
                          Optional<LocalDate> randomizedOn,
                          Optional<String> nextVisit, Optional<LocalDate> nextVisitDue, int overdueVisits,
                          int openQueries) {
    public String nextVisitText() {
        return nextVisit.map(v -> v + nextVisitDue.map(d -> " by " + d).orElse("")).orElse("none");
    }
}
