package org.stimtrial.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.study.FormType;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.visit.AdverseEventEntry;

/** A generated demo study: its configuration and, for each participant, what happened at each visit. */
public record DemoPlan(StudySpec study, List<DemoSubject> subjects) {

    /** The study configuration. */
    public record StudySpec(String protocolCode, String title, String protocolVersion, List<ArmSpec> arms,
                            List<SiteSpec> sites, List<VisitSpec> schedule) {
    }

    /** A treatment arm. */
    public record ArmSpec(String code, String name, String drug, String dose, int weight, boolean placebo) {
    }

    /** A site. */
    public record SiteSpec(String code, String name, String timeZone) {
    }

    /** A visit of the schedule. */
    public record VisitSpec(String code, String name, Integer week, int targetDay, int windowBefore,
                            int windowAfter, int urineScreens, List<FormType> forms) {
    }

    /**
     * One participant. {@code armCode} and {@code kitNumber} are demo-only allocations drawn by the generator; they
     * are empty for participants who were never randomized.
     */
    public record DemoSubject(ScreeningEntry screening, LocalDate screeningVisit, Optional<String> screenFailure,
                              Optional<LocalDate> baseline, Optional<String> armCode, Optional<String> kitNumber,
                              List<DemoVisit> visits, List<AdverseEventEntry> adverseEvents,
                              Optional<EndOfStudy> end) {
    }

    /** A visit that was due: missed, or done with its craving answers, urine specimens and pill count. */
    public record DemoVisit(String code, boolean missed, LocalDate date, Map<String, Map<String, BigDecimal>> cravings,
                            List<DemoSpecimen> specimens, Optional<PillCount> pillCount) {
    }

    /** A pill count: units dispensed and returned over some days, at some units per day. */
    public record PillCount(int dispensed, int returned, int days, int unitsPerDay) {
    }

    /** One urine specimen: negative for both analytes, or positive. */
    public record DemoSpecimen(String specimenId, OffsetDateTime collectedAt, boolean negative) {
    }

    /** How participation ended. */
    public record EndOfStudy(SubjectStatus status, LocalDate date, String reason) {
    }
}
