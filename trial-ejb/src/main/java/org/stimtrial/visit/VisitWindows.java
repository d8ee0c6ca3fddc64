package org.stimtrial.visit;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.stimtrial.subject.ScreeningNumber;
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
    public Match<Visit> visitOn(Subject subject, LocalDate date) {
        return match(visits.visits(subject), subject.screeningNumber(), date);
    }

    /**
     * The visit of {@code schedule} (the visits of participant {@code participant}, loaded beforehand) for
     * {@code date}, or why there is none.
     */
    public static <V extends ScheduledVisit> Match<V> match(List<V> schedule, ScreeningNumber participant,
                                                            LocalDate date) {
        Optional<V> held = schedule.stream().filter(v -> v.visitDate().filter(date::equals).isPresent()).findFirst();
        if (held.isPresent()) {
            return new Match<>(held, "");
        }
        Optional<LocalDate> baseline = VisitService.baseline(schedule);
        if (baseline.isEmpty()) {
            return new Match<>(Optional.empty(), "no visit of participant " + participant.value() + " was held on "
                    + date + ", and without a baseline visit date the visit windows are not known");
        }
        Optional<V> inWindow = schedule.stream()
                .filter(v -> v.status() != VisitStatus.MISSED && v.definition().inWindow(baseline.get(), date))
                .min(Comparator.comparingLong((V v) -> Math.abs(ChronoUnit.DAYS.between(
                        v.definition().targetDate(baseline.get()), date))).thenComparingInt(v -> v.definition()
                        .ordinal()));
        if (inWindow.isPresent()) {
            return new Match<>(inWindow, "");
        }
        return new Match<>(Optional.empty(), date + " lies in no visit window of participant " + participant.value()
                + " (baseline " + baseline.get() + ")");
    }

    /** The visit found, or the reason there is none. */
    public record Match<V extends ScheduledVisit>(Optional<V> visit, String reason) {
    }
}
