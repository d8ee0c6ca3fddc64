package org.stimtrial.visit;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.stimtrial.subject.Subject;

/**
 * Which scheduled visit a dated result belongs to: the visit held on that date if there is one, otherwise the visit
 * whose protocol window (relative to the baseline date) holds the date, the nearest target day winning where windows
 * overlap. A missed visit takes no results.
 */
public final class VisitWindows {
    private final JpaVisitRepository visits;

    public VisitWindows(EntityManager em) {
        this.visits = new JpaVisitRepository(em);
    }

    /** The visit for {@code date}, or why there is none. */
    public Match visitOn(Subject subject, LocalDate date) {
        return match(visits.visits(subject), subject, date);
    }

    /** The visit of {@code schedule} (a subject's visits, loaded beforehand) for {@code date}, or why there is none. */
    public static Match match(List<Visit> schedule, Subject subject, LocalDate date) {
        Optional<Visit> held = schedule.stream().filter(v -> v.visitDate().filter(date::equals).isPresent())
                .findFirst();
        if (held.isPresent()) {
            return new Match(held, "");
        }
        Optional<LocalDate> baseline = VisitService.baseline(schedule);
        if (baseline.isEmpty()) {
            return new Match(Optional.empty(), "no visit of participant " + subject.screeningNumber().value()
                    + " was held on " + date + ", and without a baseline visit date the visit windows are not known");
        }
        Optional<Visit> inWindow = schedule.stream()
                .filter(v -> v.status() != VisitStatus.MISSED && v.definition().inWindow(baseline.get(), date))
                .min(Comparator.comparingLong((Visit v) -> Math.abs(ChronoUnit.DAYS.between(
                        v.definition().targetDate(baseline.get()), date))).thenComparingInt(v -> v.definition()
                        .ordinal()));
        if (inWindow.isPresent()) {
            return new Match(inWindow, "");
        }
        return new Match(Optional.empty(), date + " lies in no visit window of participant "
                + subject.screeningNumber().value() + " (baseline " + baseline.get() + ")");
    }

    /** The visit found, or the reason there is none. */
    public record Match(Optional<Visit> visit, String reason) {
    }
}
