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
import org.stimtrial.analysis.data.CsvTable;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.glmm.BinomialGlmm;
import org.stimtrial.analysis.glmm.GlmmFit;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.inference.Multiplicity;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/** {@code glmm}: logistic mixed model, Laplace (random intercept or slopes) or adaptive Gauss-Hermite quadrature. */
final class GlmmCommand {
    static final Set<String> VALUED = Set.of("data", "formula", "nagq", "ref", "levels", "weeks", "week-column",
            "emmeans", "at", "adjust", "json");

    private GlmmCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, VALUED, Set.of());
        int nagq;
        try {
            nagq = Integer.parseInt(o.get("nagq").orElse("1"));
        } catch (NumberFormatException e) {
            throw new AnalysisException("--nagq takes a whole number of quadrature points (1 = Laplace)");
        }
        DataTable data = o.weeks(CsvTable.read(Path.of(o.require("data"))));
        ModelFrame frame = ModelFrame.of(data, Formula.parse(o.require("formula")), o.factorLevels());
        GlmmFit fit = (nagq == 1 ? BinomialGlmm.laplace() : BinomialGlmm.adaptiveGaussHermite(nagq)).fit(frame);
        Optional<Emmeans.Result> em = o.get("emmeans").map(f -> Emmeans.of(frame, fit.beta(), fit.vcov(),
                l -> Double.POSITIVE_INFINITY, f, o.at()));
        String adjust = ContrastReport.method(o);
        double[] adjusted = ContrastReport.adjusted(em, adjust);
        out.printf("Generalized linear mixed model, binomial (logit), %s%n",
                nagq == 1 ? "Laplace approximation" : "adaptive Gauss-Hermite quadrature, " + nagq + " points");
        out.printf("logLik: %.4f   -2logLik: %.4f   AIC: %.4f   BIC: %.4f%n", fit.logLik(), fit.deviance(),
                fit.aic(), fit.bic());
        out.printf("Observations: %d   Groups: %d%n%n", fit.nobs(), fit.ngroups());
        LmmCommand.printVarCorr(out, fit.varCorr());
        out.println();
        out.printf(" %-22s %12s %11s %9s %10s%n", "", "Estimate", "Std. Error", "z value", "Pr(>|z|)");
        List<Map<String, Object>> fixed = new ArrayList<>();
        for (int j = 0; j < fit.names().size(); j++) {
            Contrast c = Contrast.of(fit.names().get(j), LmmCommand.unit(fit.names().size(), j), fit.beta(),
                    fit.vcov(), Double.POSITIVE_INFINITY);
            out.printf(" %-22s %12.5f %11.5f %9.3f %10.3g%n", c.label(), c.estimate(), c.se(), c.statistic(), c.p());
            fixed.add(Results.row("term", c.label(), "estimate", c.estimate(), "se", c.se(), "se_conditional",
                    fit.seConditional(j), "statistic", c.statistic(), "p", c.p()));
        }
        em.ifPresent(e -> ContrastReport.printOddsRatios(out, e, adjusted,
                "Wald 95% CI; p adjusted: " + ContrastReport.describe(adjust)));
        out.printf("%nConvergence: %s after %d deviance evaluations, max|grad| %.2g%n",
                fit.convergence().converged() ? "converged" : "NOT CONVERGED", fit.convergence().evaluations(),
                fit.convergence().maxAbsGradient());
        fit.convergence().warnings().forEach(w -> out.println("Warning: " + w));
        o.get("json").ifPresent(file -> {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("model", "glmm binomial logit nAGQ=" + nagq);
            root.put("fixed", fixed);
            root.put("varcorr", LmmCommand.varCorrRows(fit.varCorr()));
            root.put("theta", LmmCommand.thetaMap(fit.thetaNames(), fit.theta()));
            root.put("logLik", fit.logLik());
            root.put("AIC", fit.aic());
            root.put("BIC", fit.bic());
            root.put("criterion", fit.deviance());
            em.ifPresent(e -> {
                root.put("contrasts", ContrastReport.oddsRatioRows(e, adjusted));
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
