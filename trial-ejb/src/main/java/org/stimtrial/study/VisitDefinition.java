package org.stimtrial.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.stimtrial.shared.BaseEntity;

/**
 * One visit of the schedule: its target day relative to baseline (day 0), the window around it, how many urine
 * screens it collects and the forms it expects. The schedule is configuration, not code.
 */
@Entity
@Table(name = "visit_definition")
public class VisitDefinition extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id")
    private Study study;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private int ordinal;
    private Integer week;
    @Column(name = "target_day", nullable = false)
    private int targetDay;
    @Column(name = "window_before", nullable = false)
    private int windowBefore;
    @Column(name = "window_after", nullable = false)
    private int windowAfter;
    @Column(name = "urine_screens", nullable = false)
    private int urineScreens;
    @Column(name = "expected_forms", nullable = false)
    private String expectedForms;

    protected VisitDefinition() {
    }

    public VisitDefinition(Study study, String code, String name, int ordinal, Integer week, int targetDay,
                           int windowBefore, int windowAfter, int urineScreens, Set<FormType> expectedForms) {
        if (windowBefore < 0 || windowAfter < 0 || urineScreens < 0) {
            throw new IllegalArgumentException("windows and urine screen counts cannot be negative");
        }
        this.study = Objects.requireNonNull(study);
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.ordinal = ordinal;
        this.week = week;
        this.targetDay = targetDay;
        this.windowBefore = windowBefore;
        this.windowAfter = windowAfter;
        this.urineScreens = urineScreens;
        this.expectedForms = expectedForms.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public Study study() {
        return study;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public int ordinal() {
        return ordinal;
    }

    /** The treatment week (0 = baseline); empty for screening. */
    public Optional<Integer> week() {
        return Optional.ofNullable(week);
    }

    public int targetDay() {
        return targetDay;
    }

    public int windowBefore() {
        return windowBefore;
    }

    public int windowAfter() {
        return windowAfter;
    }

    public int urineScreens() {
        return urineScreens;
    }

    public Set<FormType> expectedForms() {
        if (expectedForms.isEmpty()) {
            return EnumSet.noneOf(FormType.class);
        }
        return Arrays.stream(expectedForms.split(",")).map(FormType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FormType.class)));
    }

    /** The target date of this visit for a subject whose baseline was on {@code baseline}. */
    public LocalDate targetDate(LocalDate baseline) {
        return baseline.plusDays(targetDay);
    }

    /** Whether a visit on {@code date} lies in this visit's window, for a subject whose baseline was on {@code baseline}. */
    public boolean inWindow(LocalDate baseline, LocalDate date) {
        LocalDate target = targetDate(baseline);
        return !date.isBefore(target.minusDays(windowBefore)) && !date.isAfter(target.plusDays(windowAfter));
    }
}
