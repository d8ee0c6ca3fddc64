package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.user.Role;
import org.stimtrial.worklist.WorklistRow;
import org.stimtrial.worklist.WorklistService;
import org.stimtrial.web.security.CurrentActor;

/**
 * The start page: counts of participants by status, open queries and overdue visits, the worklist of the user's
 * participants (for roles that may see participants) and enrollment over time by site. Sponsors and administrators
 * get the counts and the chart only.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBean {
    private static final EnumSet<Role> SUBJECT_LEVEL = EnumSet.of(Role.COORDINATOR, Role.INVESTIGATOR,
            Role.DATA_MANAGER, Role.STATISTICIAN, Role.UNBLINDED_STATISTICIAN);

    /** One count on the dashboard. */
    public record Count(String label, long count) {
    }

    @EJB
    private WorklistService worklist;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;
    private List<WorklistRow> rows;

    public boolean isSubjectLevel() {
        return actor.roles().stream().anyMatch(SUBJECT_LEVEL::contains);
    }

    public List<WorklistRow> getRows() {
        if (!isSubjectLevel()) {
            return List.of();
        }
        return all();
    }

    private List<WorklistRow> all() {
        if (rows == null) {
            rows = worklist.rows(nav.getProtocol(), actor.scope());
        }
        return rows;
    }

    public List<Count> getCounts() {
        List<WorklistRow> all = all();
        List<Count> counts = new ArrayList<>();
        counts.add(new Count("participants screened", all.size()));
        for (SubjectStatus s : SubjectStatus.values()) {
            long n = all.stream().filter(r -> r.status().equals(s.name())).count();
            counts.add(new Count(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), n));
        }
        counts.add(new Count("overdue visits", all.stream().mapToLong(WorklistRow::overdueVisits).sum()));
        counts.add(new Count("open queries", all.stream().mapToLong(WorklistRow::openQueries).sum()));
        return counts;
    }

    /** Cumulative randomized participants by month, one line per site and one for all sites. */
    public String getEnrollmentChart() {
        return enrollmentChart(all()).toSvg();
    }

    static SvgLineChart enrollmentChart(List<WorklistRow> rows) {
        TreeMap<String, TreeMap<YearMonth, Integer>> bySite = new TreeMap<>();
        TreeSet<YearMonth> months = new TreeSet<>();
        for (WorklistRow r : rows) {
            if (r.randomizedOn().isPresent()) {
                YearMonth m = YearMonth.from(r.randomizedOn().get());
                months.add(m);
                bySite.computeIfAbsent(r.site(), k -> new TreeMap<>()).merge(m, 1, Integer::sum);
            }
        }
        List<YearMonth> axis = new ArrayList<>();
        if (!months.isEmpty()) {
            for (YearMonth m = months.first(); !m.isAfter(months.last()); m = m.plusMonths(1)) {
                axis.add(m);
            }
        } else {
            axis.add(YearMonth.from(LocalDate.now()));
        }
        SvgLineChart chart = SvgLineChart.of("Participants randomized, cumulative by month", "randomized",
                axis.stream().map(YearMonth::toString).toList());
        List<Double> total = new ArrayList<>(axis.stream().map(m -> 0.0).toList());
        for (Map.Entry<String, TreeMap<YearMonth, Integer>> site : bySite.entrySet()) {
            List<Double> line = new ArrayList<>();
            int sum = 0;
            for (int i = 0; i < axis.size(); i++) {
                sum += site.getValue().getOrDefault(axis.get(i), 0);
                line.add((double) sum);
                total.set(i, total.get(i) + sum);
            }
            chart = chart.withSeries("site " + site.getKey(), line);
        }
        return bySite.size() > 1 ? chart.withSeries("all sites", total) : chart;
    }
}
