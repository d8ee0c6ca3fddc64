package org.stimtrial.web.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stimtrial.worklist.WorklistRow;

class EnrollmentChartTest {
    private static WorklistRow row(String number, String site, LocalDate randomized) {
        return new WorklistRow(number, site, randomized == null ? "SCREENED" : "RANDOMIZED", LocalDate.of(2026, 1, 1),
                Optional.ofNullable(randomized), Optional.empty(), Optional.empty(), 0, 0);
    }

    @Test
    void countsRandomizedParticipantsCumulativelyByMonthPerSiteAndInAll() {
        String svg = DashboardBean.enrollmentChart(List.of(
                row("S01-0001", "S01", LocalDate.of(2026, 1, 5)),
                row("S01-0002", "S01", LocalDate.of(2026, 3, 9)),
                row("S02-0001", "S02", LocalDate.of(2026, 1, 20)),
                row("S02-0002", "S02", LocalDate.of(2026, 1, 21)),
                row("S02-0003", "S02", null))).toSvg();
        assertTrue(svg.contains("by 2026-01, 2026-02, 2026-03."), "months without randomization stay on the axis: "
                + svg);
        assertTrue(svg.contains("site S01: 1, 1, 2."), svg);
        assertTrue(svg.contains("site S02: 2, 2, 2."), "screened-only participants are not counted: " + svg);
        assertTrue(svg.contains("all sites: 3, 3, 4."), svg);
    }
}
