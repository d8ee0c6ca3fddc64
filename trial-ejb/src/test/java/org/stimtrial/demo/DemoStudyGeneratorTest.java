package org.stimtrial.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.stimtrial.demo.DemoPlan.DemoSubject;
import org.stimtrial.demo.DemoPlan.DemoVisit;

class DemoStudyGeneratorTest {
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 21);
    private static final DemoPlan PLAN = new DemoStudyGenerator(20261122L, LAST_DAY).generate(110);

    @Test
    void theSameSeedGivesTheSamePlan() {
        DemoPlan again = new DemoStudyGenerator(20261122L, LAST_DAY).generate(110);
        assertEquals(PLAN, again);
    }

    @Test
    void aboutAHundredAreRandomizedAndSomeFailScreening() {
        long randomized = PLAN.subjects().stream().filter(s -> s.armCode().isPresent()).count();
        long failed = PLAN.subjects().stream().filter(s -> s.screenFailure().isPresent()).count();
        assertTrue(randomized >= 90 && randomized <= 105, "randomized " + randomized);
        assertTrue(failed >= 3 && failed <= 20, "screen failures " + failed);
        assertEquals(5, PLAN.subjects().stream().map(s -> s.screening().siteCode()).distinct().count());
        assertEquals(5, PLAN.subjects().stream().flatMap(s -> s.armCode().stream()).distinct().count());
    }

    @Test
    void nothingHappensAfterTheLastDay() {
        for (DemoSubject s : PLAN.subjects()) {
            for (DemoVisit v : s.visits()) {
                assertFalse(v.date().isAfter(LAST_DAY), s.screening().screeningNumber() + " " + v.code());
            }
            s.adverseEvents().forEach(ae -> assertFalse(ae.onsetDate().isAfter(LAST_DAY)));
        }
    }

    @Test
    void cravingFallsOverTheWeeksAndThereAreMissedVisitsDropoutsAndAdverseEvents() {
        double baseline = meanVas("BL");
        double week12 = meanVas("W12");
        assertTrue(week12 < baseline - 8, "mean VAS baseline " + baseline + ", week 12 " + week12);
        long missed = PLAN.subjects().stream().flatMap(s -> s.visits().stream()).filter(DemoVisit::missed).count();
        assertTrue(missed > 20, "missed visits " + missed);
        assertTrue(PLAN.subjects().stream().anyMatch(s -> s.end().isPresent()
                && s.end().get().status().name().equals("WITHDRAWN")));
        assertTrue(PLAN.subjects().stream().mapToLong(s -> s.adverseEvents().size()).sum() >= 5);
        long negatives = PLAN.subjects().stream().flatMap(s -> s.visits().stream())
                .flatMap(v -> v.specimens().stream()).filter(DemoPlan.DemoSpecimen::negative).count();
        assertTrue(negatives > 100, "negative screens " + negatives);
    }

    private static double meanVas(String visit) {
        List<Double> values = PLAN.subjects().stream().flatMap(s -> s.visits().stream())
                .filter(v -> v.code().equals(visit) && !v.missed())
                .map(v -> v.cravings().get("VAS")).filter(Objects::nonNull)
                .map(c -> c.get("vas").doubleValue()).toList();
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
