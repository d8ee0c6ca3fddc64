package org.stimtrial.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.FormType;
import org.stimtrial.study.Study;
import org.stimtrial.study.VisitDefinition;

class ScheduleRulesTest {
    private static final Study STUDY = new Study("T", "Test", "1");
    private static final VisitDefinition WEEK_3 = new VisitDefinition(STUDY, "W03", "Week 3", 4, 3, 21, 3, 3, 2,
            EnumSet.of(FormType.CRAVING_VAS));

    @Test
    void theWindowIsTargetDayPlusOrMinusItsWidthInclusive() {
        LocalDate baseline = LocalDate.of(2026, 1, 5);
        assertEquals(LocalDate.of(2026, 1, 26), WEEK_3.targetDate(baseline));
        assertTrue(WEEK_3.inWindow(baseline, LocalDate.of(2026, 1, 23)));
        assertTrue(WEEK_3.inWindow(baseline, LocalDate.of(2026, 1, 29)));
        assertFalse(WEEK_3.inWindow(baseline, LocalDate.of(2026, 1, 22)));
        assertFalse(WEEK_3.inWindow(baseline, LocalDate.of(2026, 1, 30)));
        assertTrue(SoftEditChecks.visitWindow(WEEK_3, baseline, LocalDate.of(2026, 1, 30)).orElseThrow()
                .contains("2026-01-23 to 2026-01-29"));
        assertEquals(Optional.empty(), SoftEditChecks.visitWindow(WEEK_3, baseline, LocalDate.of(2026, 1, 26)));
    }

    @Test
    void aVasJumpOfMoreThanSixtyPointsIsQueried() {
        assertEquals(Optional.empty(), SoftEditChecks.vasChange("W02", new BigDecimal("80"), new BigDecimal("20")));
        assertTrue(SoftEditChecks.vasChange("W02", new BigDecimal("80"), new BigDecimal("19.9")).isPresent());
        assertTrue(SoftEditChecks.vasChange("W02", new BigDecimal("5"), new BigDecimal("70")).isPresent());
    }

    @Test
    void adherenceIsTakenOverPrescribedAndPillCountsMustAddUp() {
        Visit visit = new Visit(new org.stimtrial.subject.Subject(STUDY, new org.stimtrial.study.Site(STUDY, "S1",
                "Site", java.time.ZoneId.of("UTC"), true), new org.stimtrial.subject.ScreeningNumber("A-1"),
                org.stimtrial.subject.Sex.F, 1990, LocalDate.of(2026, 1, 1)), WEEK_3);
        MedicationAdherence m = new MedicationAdherence(visit, 14, 3, 7, 2);
        assertEquals(new BigDecimal("78.57"), m.adherencePercent());
        ValidationFailedException e = assertThrows(ValidationFailedException.class,
                () -> new MedicationAdherence(visit, 14, 15, 0, 2));
        assertEquals(2, e.errors().size());
    }
}
