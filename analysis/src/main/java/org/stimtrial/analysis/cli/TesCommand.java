package org.stimtrial.analysis.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.CsvTable;
import org.stimtrial.analysis.endpoint.TreatmentEffectiveness;
import org.stimtrial.analysis.endpoint.TreatmentEffectiveness.ArmSummary;
import org.stimtrial.analysis.endpoint.TreatmentEffectiveness.Comparison;

/** {@code tes}: treatment effectiveness score and abstinence endpoints by arm. */
final class TesCommand {
    static final Set<String> VALUED = Set.of("data", "subject", "arm", "week", "uds", "weeks", "ref", "arm-levels",
            "json");

    private TesCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, VALUED, Set.of());
        String[] range = o.get("weeks").orElse("1-12").split("-");
        int first;
        int last;
        try {
            first = Integer.parseInt(range[0]);
            last = Integer.parseInt(range[range.length - 1]);
        } catch (NumberFormatException e) {
            throw new AnalysisException("--weeks takes a range of whole weeks like 1-12");
        }
        if (last < first) {
            throw new AnalysisException("--weeks: the last week comes before the first");
        }
        TreatmentEffectiveness.Result r = TreatmentEffectiveness.compute(CsvTable.read(Path.of(o.require("data"))),
                o.get("subject").orElse("subject_id"), o.get("arm").orElse("arm"), o.get("week").orElse("week"),
                o.get("uds").orElse("uds_negative"), first, last, o.get("ref").orElse("placebo"),
                o.get("arm-levels").map(l -> List.of(l.split(","))).orElse(List.of()));
        out.printf("Treatment effectiveness score: negative urine screens in weeks %d-%d (missed = positive)%n",
                first, last);
        out.printf(" %-12s %5s %8s %8s %8s %12s%n", "arm", "n", "mean", "SD", "median", "EOT abstinent");
        for (ArmSummary a : r.arms()) {
            out.printf(" %-12s %5d %8.3f %8.3f %8.1f %11.1f%%%n", a.arm(), a.n(), a.mean(), a.sd(), a.median(),
                    100 * a.eotAbstinentFraction());
        }
        out.printf("Kruskal-Wallis chi-squared = %.4f, df = %.0f, p = %.4g%n", r.kruskalWallis().statistic(),
                r.kruskalWallis().df(), r.kruskalWallis().p());
        for (Comparison c : r.versusReference()) {
            out.printf("Wilcoxon %s: W = %.1f, p = %.4g%n", c.label(), c.wilcoxon().statistic(), c.wilcoxon().p());
        }
        o.get("json").ifPresent(file -> {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("weeks", List.of(first, last));
            root.put("by_arm", r.arms().stream().map(a -> Results.row("arm", a.arm(), "n", a.n(), "mean", a.mean(),
                    "sd", a.sd(), "median", a.median(), "eot_abstinent", a.eotAbstinentFraction(),
                    "weekly_negative", a.weeklyNegativeFraction())).toList());
            root.put("kruskal_wallis", Results.row("statistic", r.kruskalWallis().statistic(), "df",
                    r.kruskalWallis().df(), "p", r.kruskalWallis().p()));
            root.put("wilcoxon_vs_reference", r.versusReference().stream().map(c -> Results.row("comparison",
                    c.label(), "W", c.wilcoxon().statistic(), "p", c.wilcoxon().p())).toList());
            List<Map<String, Object>> subjects = new ArrayList<>();
            r.subjects().forEach(s -> subjects.add(Results.row("subject", s.subject(), "arm", s.arm(), "tes",
                    s.tes(), "eot_abstinent", s.endOfTreatmentAbstinent())));
            root.put("per_subject", subjects);
            Results.write(Path.of(file), root);
            out.println("JSON written to " + file);
        });
        return 0;
    }
}
