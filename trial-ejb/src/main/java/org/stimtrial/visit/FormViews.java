package org.stimtrial.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** How the API shows visits and their forms. */
public final class FormViews {
    private FormViews() {
    }

    /** A visit with its target date and window (once the baseline date is known). */
    public record VisitView(long id, String code, String name, Integer week, String status, LocalDate visitDate,
                            LocalDate targetDate, LocalDate windowStart, LocalDate windowEnd, long version) {
        static VisitView of(Visit v, LocalDate baseline) {
            LocalDate target = baseline == null ? null : v.definition().targetDate(baseline);
            return new VisitView(v.id(), v.definition().code(), v.definition().name(),
                    v.definition().week().orElse(null), v.status().name(), v.visitDate().orElse(null), target,
                    target == null ? null : target.minusDays(v.definition().windowBefore()),
                    target == null ? null : target.plusDays(v.definition().windowAfter()), v.version());
        }
    }

    /** A craving assessment with its responses and computed scores. */
    public record CravingView(long id, String visit, String instrument, LocalDate assessedOn,
                              Map<String, BigDecimal> responses, Map<String, BigDecimal> scores, long version) {
        static CravingView of(CravingAssessment c) {
            return new CravingView(c.id(), c.visit().definition().code(), c.instrumentCode(), c.assessedOn(),
                    c.responses(), c.scores(), c.version());
        }
    }

    /** One analyte result (the concentration only for a quantitative test). */
    public record AnalyteView(String loinc, String analyte, String method, String result, BigDecimal cutoffNgMl,
                              BigDecimal concentrationNgMl) {
    }

    /** A urine drug screen with its results and whether it counts as negative. */
    public record UrineScreenView(long id, String visit, String specimenId, OffsetDateTime collectedAt,
                                  String source, String validity, List<AnalyteView> results, boolean negative,
                                  long version) {
        static UrineScreenView of(UrineDrugScreen s) {
            return new UrineScreenView(s.id(), s.visit().definition().code(), s.specimenId(), s.collectedAt(),
                    s.source().name(), s.validity().name(),
                    s.results().stream().map(r -> new AnalyteView(r.analyte().loinc(), r.analyte().display(),
                            r.analyte().method().name(), r.result().name(), r.cutoffNgMl().orElse(null),
                            r.concentrationNgMl().orElse(null))).toList(),
                    s.isNegative(), s.version());
        }
    }

    /** A pill count and the adherence computed from it. */
    public record AdherenceView(long id, String visit, int unitsDispensed, int unitsReturned, int days,
                                int unitsPerDay, BigDecimal adherencePercent, long version) {
        static AdherenceView of(MedicationAdherence m) {
            return new AdherenceView(m.id(), m.visit().definition().code(), m.unitsDispensed(), m.unitsReturned(),
                    m.days(), m.unitsPerDay(), m.adherencePercent(), m.version());
        }
    }

    /** An adverse event. */
    public record AdverseEventView(long id, String term, LocalDate onsetDate, LocalDate endDate, int severity,
                                   boolean serious, String relatedness, String actionTaken, String outcome,
                                   long version) {
        static AdverseEventView of(AdverseEvent a) {
            AdverseEventEntry e = a.entry();
            return new AdverseEventView(a.id(), e.term(), e.onsetDate(), e.endDate().orElse(null), e.severity(),
                    e.serious(), e.relatedness().name(), e.actionTaken().name(), e.outcome().name(), a.version());
        }
    }
}
