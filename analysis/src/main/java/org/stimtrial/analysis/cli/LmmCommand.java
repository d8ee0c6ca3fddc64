package org.stimtrial.analysis.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.CsvTable;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.lmm.Lmm;
import org.stimtrial.analysis.lmm.LmmFit;
import org.stimtrial.analysis.lmm.VarianceComponent;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/** {@code lmm}: a linear mixed model by REML (default) or ML, with emmeans and contrasts against the reference level. */
final class LmmCommand {
    static final Set<String> VALUED = Set.of("data", "formula", "ref", "levels", "weeks", "week-column", "emmeans",
            "at", "adjust", "ddf", "json");
    static final Set<String> FLAGS = Set.of("reml", "ml");

    private LmmCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, VALUED, FLAGS);
        if (o.flag("reml") && o.flag("ml")) {
            throw new AnalysisException("Choose --reml or --ml, not both");
        }
        DataTable data = o.weeks(CsvTable.read(Path.of(o.require("data"))));
        ModelFrame frame = ModelFrame.of(data, Formula.parse(o.require("formula")), o.factorLevels());
        String ddf = o.get("ddf").orElse("satterthwaite");
        if (!Set.of("satterthwaite", "kenward-roger").contains(ddf)) {
            throw new AnalysisException("--ddf takes satterthwaite or kenward-roger (got '" + ddf + "')");
        }
        LmmFit fit = (o.flag("ml") ? Lmm.ml() : Lmm.reml()).fit(frame);
        Inference inference = ddf.equals("kenward-roger")
                ? new Inference("Kenward-Roger", fit.kenwardRoger().adjustedVcov(), fit.kenwardRoger()::df)
                : new Inference("Satterthwaite", fit.vcov(), fit.satterthwaite()::df);
        Optional<Emmeans.Result> em = o.get("emmeans").map(f -> Emmeans.of(frame, fit.beta(), inference.vcov(),
                inference.df(), f, o.at()));
        String adjust = ContrastReport.method(o);
        double[] adjusted = ContrastReport.adjusted(em, adjust);
        print(out, frame, fit, inference, em, adjusted, adjust);
        if (o.get("json").isPresent()) {
            Results.write(Path.of(o.get("json").get()), json(fit, inference, em, adjusted, adjust));
            out.println("JSON written to " + o.get("json").get());
        }
        return fit.convergence().converged() ? 0 : AnalysisCommand.NOT_CONVERGED;
    }

    /** Which SEs and df the tables use: the model's covariance with Satterthwaite's df, or Kenward-Roger's. */
    private record Inference(String name, double[] vcov, ToDoubleFunction<double[]> df) {
        Contrast fixed(LmmFit fit, int j) {
            double[] l = unit(fit.names().size(), j);
            return Contrast.of(fit.names().get(j), l, fit.beta(), vcov, df.applyAsDouble(l));
        }
    }

    private static void print(PrintStream out, ModelFrame frame, LmmFit fit, Inference inference,
                              Optional<Emmeans.Result> em, double[] adjusted, String adjust) {
        out.printf("Linear mixed model fit by %s (%s's df)%n", fit.reml() ? "REML" : "maximum likelihood",
                inference.name());
        out.println("Formula: " + formulaText(frame));
        out.printf("%s criterion: %.4f   logLik: %.4f   AIC: %.4f   BIC: %.4f%n", fit.reml() ? "REML" : "Deviance",
                fit.criterion(), fit.logLik(), fit.aic(), fit.bic());
        out.printf("Observations: %d (dropped with missing values: %d)   Groups: %d%n%n", fit.nobs(),
                frame.rowsDropped(), fit.ngroups());
        printVarCorr(out, fit.varCorr());
        out.println();
        out.println("Fixed effects:");
        out.printf(" %-22s %12s %11s %9s %9s %10s%n", "", "Estimate", "Std. Error", "df", "t value", "Pr(>|t|)");
        for (int j = 0; j < fit.names().size(); j++) {
            Contrast c = inference.fixed(fit, j);
            out.printf(" %-22s %12.5f %11.5f %9.2f %9.3f %10.3g%n", c.label(), c.estimate(), c.se(), c.df(),
                    c.statistic(), c.p());
        }
        em.ifPresent(e -> {
            out.println();
            out.println("Estimated marginal means of " + e.factor() + ":");
            for (Contrast m : e.means()) {
                out.printf(" %-22s %10.4f  SE %.4f  df %.2f  95%% CI [%.4f, %.4f]%n", m.label(), m.estimate(),
                        m.se(), m.df(), m.lower(), m.upper());
            }
            out.println("Contrasts against " + e.means().get(0).label() + " (p adjusted: "
                    + ContrastReport.describe(adjust) + "):");
            for (int i = 0; i < e.contrasts().size(); i++) {
                Contrast c = e.contrasts().get(i);
                out.printf(" %-22s %10.4f  SE %.4f  df %.2f  t %.3f  p %.4g  adj %.4g  95%% CI [%.4f, %.4f]%n",
                        c.label(), c.estimate(), c.se(), c.df(), c.statistic(), c.p(), adjusted[i], c.lower(),
                        c.upper());
            }
        });
        out.println();
        out.printf("Convergence: %s after %d deviance evaluations, max|grad| %.2g%s%n",
                fit.convergence().converged() ? "converged" : "NOT CONVERGED", fit.convergence().evaluations(),
                fit.convergence().maxAbsGradient(), fit.convergence().singular() ? ", singular fit" : "");
        fit.convergence().warnings().forEach(w -> out.println("Warning: " + w));
    }

    private static String formulaText(ModelFrame frame) {
        return frame.formula().response() + " ~ " + (frame.formula().intercept() ? "1" : "0") + " + "
                + String.join(" + ", frame.formula().fixed().stream().map(Object::toString).toList())
                + frame.formula().random().stream().map(r -> " + (" + (r.intercept() ? "1" : "0")
                        + r.terms().stream().map(t -> " + " + t).reduce("", String::concat) + " | " + r.group() + ")")
                .reduce("", String::concat);
    }

    static double[] unit(int p, int j) {
        double[] l = new double[p];
        l[j] = 1;
        return l;
    }

    private static Map<String, Object> json(LmmFit fit, Inference inference, Optional<Emmeans.Result> em,
                                            double[] adjusted, String adjust) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", fit.reml() ? "lmm REML" : "lmm ML");
        root.put("df_method", inference.name());
        List<Map<String, Object>> fixed = new ArrayList<>();
        for (int j = 0; j < fit.names().size(); j++) {
            Contrast c = inference.fixed(fit, j);
            fixed.add(Results.row("term", c.label(), "estimate", c.estimate(), "se", c.se(), "df", c.df(),
                    "statistic", c.statistic(), "p", c.p()));
        }
        root.put("fixed", fixed);
        root.put("varcorr", varCorrRows(fit.varCorr()));
        root.put("sigma", fit.sigma());
        root.put("theta", thetaMap(fit.thetaNames(), fit.theta()));
        root.put("logLik", fit.logLik());
        root.put("AIC", fit.aic());
        root.put("BIC", fit.bic());
        root.put("criterion", fit.criterion());
        root.put("nobs", fit.nobs());
        root.put("ngroups", fit.ngroups());
        em.ifPresent(e -> {
            root.put("emmeans", e.means().stream().map(m -> Results.row("level", m.label(), "estimate", m.estimate(),
                    "se", m.se(), "df", m.df(), "lower", m.lower(), "upper", m.upper())).toList());
            List<Map<String, Object>> contrasts = new ArrayList<>();
            for (int i = 0; i < e.contrasts().size(); i++) {
                Contrast c = e.contrasts().get(i);
                contrasts.add(Results.row("contrast", c.label(), "estimate", c.estimate(), "se", c.se(), "df", c.df(),
                        "statistic", c.statistic(), "p", c.p(), "p_adjusted", adjusted[i], "lower", c.lower(),
                        "upper", c.upper()));
            }
            root.put("contrasts", contrasts);
            root.put("p_adjust_method", ContrastReport.describe(adjust));
        });
        root.put("converged", fit.convergence().converged());
        root.put("evaluations", fit.convergence().evaluations());
        root.put("max_abs_gradient", fit.convergence().maxAbsGradient());
        root.put("singular", fit.convergence().singular());
        root.put("warnings", fit.convergence().warnings());
        return root;
    }

    /** The random-effects table as lme4's summary prints it. */
    static void printVarCorr(PrintStream out, List<VarianceComponent> varCorr) {
        out.println("Random effects:");
        out.printf(" %-12s %-14s %12s %10s %s%n", "Groups", "Name", "Variance", "Std.Dev.", "Corr");
        for (VarianceComponent v : varCorr) {
            if (v.var2() == null) {
                out.printf(" %-12s %-14s %12.4f %10.4f%n", v.group(), v.var1() == null ? "" : v.var1(), v.variance(),
                        v.sdOrCorrelation());
            } else {
                out.printf(" %-12s %-14s %12s %10s %.3f (with %s)%n", "", v.var1(), "", "", v.sdOrCorrelation(),
                        v.var2());
            }
        }
    }

    /** The JSON rows of {@code varcorr}: group, var1, var2, vcov, sdcor (as R's as.data.frame(VarCorr(fit))). */
    static List<Map<String, Object>> varCorrRows(List<VarianceComponent> varCorr) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VarianceComponent v : varCorr) {
            rows.add(Results.row("group", v.group(), "var1", v.var1(), "var2", v.var2(), "vcov", v.variance(),
                    "sdcor", v.sdOrCorrelation()));
        }
        return rows;
    }

    /** theta by lme4's names. */
    static Map<String, Object> thetaMap(List<String> names, double[] theta) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < theta.length; i++) {
            map.put(names.get(i), theta[i]);
        }
        return map;
    }
}
