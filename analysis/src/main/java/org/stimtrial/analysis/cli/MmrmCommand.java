package org.stimtrial.analysis.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.Column;
import org.stimtrial.analysis.data.CsvTable;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.inference.Multiplicity;
import org.stimtrial.analysis.mmrm.CovarianceStructure;
import org.stimtrial.analysis.mmrm.Mmrm;
import org.stimtrial.analysis.mmrm.MmrmFit;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/** {@code mmrm}: GLS across visits within subject, unstructured / CS / AR(1) covariance, REML or ML. */
final class MmrmCommand {
    static final Set<String> VALUED = Set.of("data", "formula", "covariance", "visit", "subject", "ref", "levels",
            "weeks", "week-column", "emmeans", "at", "adjust", "df", "json");
    static final Set<String> FLAGS = Set.of("reml", "ml");

    private MmrmCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, VALUED, FLAGS);
        CovarianceStructure structure = switch (o.get("covariance").orElse("us")) {
            case "us", "un", "unstructured" -> CovarianceStructure.UNSTRUCTURED;
            case "cs" -> CovarianceStructure.COMPOUND_SYMMETRY;
            case "ar1" -> CovarianceStructure.AR1;
            default -> throw new AnalysisException("--covariance takes us, cs or ar1");
        };
        String dfMethod = o.get("df").orElse("satterthwaite");
        if (!Set.of("satterthwaite", "residual", "emmeans").contains(dfMethod)) {
            throw new AnalysisException("--df takes satterthwaite, residual (N - p, as nlme::gls) or emmeans"
                    + " (emmeans' df.error for gls: N - p - variance parameters)");
        }
        DataTable data = o.weeks(CsvTable.read(Path.of(o.require("data"))));
        String subject = o.require("subject");
        String visitColumn = o.require("visit");
        String visit = data.column(visitColumn) instanceof Column.Numeric ? "factor(" + visitColumn + ")"
                : visitColumn;
        ModelFrame frame = ModelFrame.of(data, Formula.parse(o.require("formula")), o.factorLevels(),
                List.of(subject, visit));
        MmrmFit fit = Mmrm.of(structure, !o.flag("ml")).fit(frame, subject, visit);
        double fixedDf = dfMethod.equals("residual") ? fit.residualDf() : fit.emmeansDf();
        java.util.function.ToDoubleFunction<double[]> df = dfMethod.equals("satterthwaite")
                ? fit.satterthwaite()::df : l -> fixedDf;
        Optional<Emmeans.Result> em = o.get("emmeans").map(f -> Emmeans.of(frame, fit.beta(), fit.vcov(), df, f,
                o.at()));
        String adjust = ContrastReport.method(o);
        double[] adjusted = ContrastReport.adjusted(em, adjust);

        out.printf("MMRM by %s, %s covariance over %d visits (%s df)%n", fit.reml() ? "REML" : "ML",
                structure.name().toLowerCase(java.util.Locale.ROOT), fit.visits().size(), dfMethod);
        out.printf("logLik: %.4f   AIC: %.4f   BIC: %.4f   Observations: %d   Subjects: %d%n%n", fit.logLik(),
                fit.aic(), fit.bic(), fit.nobs(), fit.subjects());
        out.printf(" %-26s %12s %11s %9s %9s %10s%n", "", "Estimate", "Std. Error", "df", "t value", "Pr(>|t|)");
        List<Map<String, Object>> fixed = new ArrayList<>();
        for (int j = 0; j < fit.names().size(); j++) {
            double[] l = LmmCommand.unit(fit.names().size(), j);
            Contrast c = Contrast.of(fit.names().get(j), l, fit.beta(), fit.vcov(), df.applyAsDouble(l));
            out.printf(" %-26s %12.5f %11.5f %9.2f %9.3f %10.3g%n", c.label(), c.estimate(), c.se(), c.df(),
                    c.statistic(), c.p());
            fixed.add(Results.row("term", c.label(), "estimate", c.estimate(), "se", c.se(), "df", c.df(),
                    "statistic", c.statistic(), "p", c.p()));
        }
        em.ifPresent(e -> {
            out.println();
            out.println("Contrasts against " + e.means().get(0).label() + " (p adjusted: "
                    + ContrastReport.describe(adjust) + "):");
            for (int i = 0; i < e.contrasts().size(); i++) {
                Contrast c = e.contrasts().get(i);
                out.printf(" %-22s %10.4f  SE %.4f  df %.2f  t %.3f  p %.4g  adj %.4g  95%% CI [%.4f, %.4f]%n",
                        c.label(), c.estimate(), c.se(), c.df(), c.statistic(), c.p(), adjusted[i], c.lower(),
                        c.upper());
            }
        });
        out.printf("%nConvergence: %s (%s)%n", fit.convergence().converged() ? "converged" : "NOT CONVERGED",
                fit.convergence().optimizerMessage());
        fit.convergence().warnings().forEach(w -> out.println("Warning: " + w));
        o.get("json").ifPresent(file -> {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("model", "mmrm " + structure.name().toLowerCase(java.util.Locale.ROOT));
            root.put("fixed", fixed);
            List<Object> rows = new ArrayList<>();
            double[] cov = fit.covariance();
            int k = fit.visits().size();
            for (int i = 0; i < k; i++) {
                rows.add(java.util.Arrays.copyOfRange(cov, i * k, (i + 1) * k));
            }
            root.put("covariance", Results.row("visits", fit.visits(), "values", rows));
            root.put("logLik", fit.logLik());
            root.put("AIC", fit.aic());
            root.put("BIC", fit.bic());
            root.put("criterion", fit.criterion());
            root.put("df_method", dfMethod);
            em.ifPresent(e -> {
                root.put("emmeans", e.means().stream().map(m -> Results.row("level", m.label(), "estimate",
                        m.estimate(), "se", m.se(), "df", m.df(), "lower", m.lower(), "upper", m.upper())).toList());
                List<Map<String, Object>> contrasts = new ArrayList<>();
                for (int i = 0; i < e.contrasts().size(); i++) {
                    Contrast c = e.contrasts().get(i);
                    contrasts.add(Results.row("contrast", c.label(), "estimate", c.estimate(), "se", c.se(), "df",
                            c.df(), "statistic", c.statistic(), "p", c.p(), "p_adjusted", adjusted[i], "lower",
                            c.lower(), "upper", c.upper()));
                }
                root.put("contrasts", contrasts);
                root.put("p_adjust_method", ContrastReport.describe(adjust));
            });
            root.put("converged", fit.convergence().converged());
            root.put("warnings", fit.convergence().warnings());
            Results.write(Path.of(file), root);
            out.println("JSON written to " + file);
        });
        return fit.convergence().converged() ? 0 : AnalysisCommand.NOT_CONVERGED;
    }
}
