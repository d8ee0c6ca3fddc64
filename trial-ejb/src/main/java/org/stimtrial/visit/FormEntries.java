package org.stimtrial.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What a coordinator enters on each form. */
public final class FormEntries {
    private FormEntries() {
    }

    /** A visit took place on {@code date} (status DONE), or was missed (status MISSED, no date). */
    public record VisitEntry(VisitStatus status, LocalDate date) {
    }

    /** Answers to one craving instrument. */
    public record CravingEntry(String instrument, LocalDate assessedOn, Map<String, BigDecimal> responses) {
    }

    /** One urine specimen and its analyte results. */
    public record UrineScreenEntry(String specimenId, OffsetDateTime collectedAt, SpecimenSource source,
                                   SpecimenValidity validity, List<AnalyteEntry> results) {
    }

    /** A pill count. */
    public record AdherenceEntry(int unitsDispensed, int unitsReturned, int days, int unitsPerDay) {
    }
}
