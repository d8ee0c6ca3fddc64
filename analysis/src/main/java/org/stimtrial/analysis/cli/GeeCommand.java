package org.stimtrial.analysis.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.CsvTable;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.gee.Gee;
import org.stimtrial.analysis.gee.GeeFit;
import org.stimtrial.analysis.gee.WorkingCorrelation;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.inference.Multiplicity;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/** {@code gee}: logistic GEE with robust SEs; with --emmeans, odds ratios of each level against the reference. */
final class GeeCommand {
    static final Set<String> VALUED = Set.of("data", "formula", "id", "corstr", "ref", "levels", "weeks",
            "week-column", "emmeans", "at", "adjust", "json");

    private GeeCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, VALUED, Set.of());
        WorkingCorrelation corstr;
        try {
            corstr = WorkingCorrelation.valueOf(o.get("corstr").orElse("exchangeable").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("--corstr takes independence, exchangeable or ar1");
        }
        DataTable data = o.weeks(CsvTable.read(Path.of(o.require("data"))));
        String id = o.require("id");
        data.column(id);
        ModelFrame frame = ModelFrame.of(data, Formula.parse(o.require("formula")), o.factorLevels());
        GeeFit fit = Gee.with(corstr).fit(frame, data, id);
        Optional<Emmeans.Result> em = o.get("emmeans").map(f -> Emmeans.of(frame, fit.beta(), fit.robustVcov(),
                l -> Double.POSITIVE_INFINITY, f, o.at()));
        String adjust = ContrastReport.method(o);
        double[] adjusted = ContrastReport.adjusted(em, adjust);

        out.printf("GEE, binomial (logit), %s working correlation, robust (sandwich) SEs%n",
                corstr.name().toLowerCase(Locale.ROOT));
        out.printf("Observations: %d   Clusters: %d   alpha: %.5f   scale: %.5f   iterations: %d%s%n%n", fit.nobs(),
                fit.clusters(), fit.alpha(), fit.phi(), fit.iterations(), fit.converged() ? "" : " (NOT CONVERGED)");
        out.printf(" %-22s %12s %11s %9s %10s%n", "", "Estimate", "Robust SE", "z", "Pr(>|z|)");
        List<Map<String, Object>> fixed = new ArrayList<>();
        for (int j = 0; j < fit.names().size(); j++) {
            Contrast c = Contrast.of(fit.names().get(j), LmmCommand.unit(fit.names().size(), j), fit.beta(),
                    fit.robustVcov(), Double.POSITIVE_INFINITY);
            out.printf(" %-22s %12.5f %11.5f %9.3f %10.3g%n", c.label(), c.estimate(), c.se(), c.statistic(), c.p());
            fixed.add(Results.row("term", c.label(), "estimate", c.estimate(), "se", c.se(), "se_naive",
                    fit.naiveSe(j), "statistic", c.statistic(), "p", c.p()));
        }
        em.ifPresent(e -> ContrastReport.printOddsRatios(out, e, adjusted, "p adjusted: " + ContrastReport.describe(adjust)));
        o.get("json").ifPresent(file -> {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("model", "gee binomial logit " + corstr.name().toLowerCase(Locale.ROOT));
            root.put("fixed", fixed);
            root.put("alpha", fit.alpha());
            root.put("phi", fit.phi());
            root.put("nobs", fit.nobs());
            root.put("clusters", fit.clusters());
            em.ifPresent(e -> {
                root.put("contrasts", ContrastReport.oddsRatioRows(e, adjusted));
                root.put("p_adjust_method", ContrastReport.describe(adjust));
            });
            root.put("converged", fit.converged());
            root.put("warnings", fit.converged() ? List.of() : List.of("GEE did not converge"));
            Results.write(Path.of(file), root);
            out.println("JSON written to " + file);
        });
        return fit.converged() ? 0 : AnalysisCommand.NOT_CONVERGED;
    }
}
