package org.stimtrial.analysis.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.inference.Contrast;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.inference.Multiplicity;

/** What every command does with contrasts against the reference level: the --adjust method, and odds ratios. */
final class ContrastReport {
    private ContrastReport() {
    }

    /**
     * The {@code --adjust} method: dunnett (default; the multivariate-t integral, emmeans' "mvt" definition with df
     * truncated to integers), holm, or none.
     */
    static String method(Options o) {
        String adjust = o.get("adjust").orElse("dunnett");
        if (!Set.of("dunnett", "none", "holm").contains(adjust)) {
            throw new AnalysisException("--adjust takes dunnett, holm or none (got '" + adjust + "')");
        }
        return adjust;
    }

    /** The adjusted p-values of the contrasts (empty without --emmeans). */
    static double[] adjusted(Optional<Emmeans.Result> em, String method) {
        return em.map(e -> {
            double[] p = e.contrasts().stream().mapToDouble(Contrast::p).toArray();
            return switch (method) {
                case "dunnett" -> e.dunnett().adjusted();
                case "holm" -> Multiplicity.holm(p);
                default -> Multiplicity.none(p);
            };
        }).orElse(new double[0]);
    }

    /** How the p-values were adjusted, for the printed report and the JSON. */
    static String describe(String method) {
        return switch (method) {
            case "dunnett" -> "dunnett (multivariate t integral, df truncated to integers as emmeans' mvt)";
            case "holm" -> "holm";
            default -> "none";
        };
    }

    /** Prints contrasts on the logit scale as odds ratios with their CIs. */
    static void printOddsRatios(PrintStream out, Emmeans.Result e, double[] adjusted, String qualifier) {
        out.println();
        out.println("Odds ratios against " + e.means().get(0).label() + " (" + qualifier + "):");
        for (int i = 0; i < e.contrasts().size(); i++) {
            Contrast c = e.contrasts().get(i);
            out.printf(" %-22s OR %.4f  95%% CI [%.4f, %.4f]  z %.3f  p %.4g  adj %.4g%n", c.label(),
                    Math.exp(c.estimate()), Math.exp(c.lower()), Math.exp(c.upper()), c.statistic(), c.p(),
                    adjusted[i]);
        }
    }

    /** JSON rows of logit-scale contrasts with their odds ratios. */
    static List<Map<String, Object>> oddsRatioRows(Emmeans.Result e, double[] adjusted) {
        List<Map<String, Object>> contrasts = new ArrayList<>();
        for (int i = 0; i < e.contrasts().size(); i++) {
            Contrast c = e.contrasts().get(i);
            contrasts.add(Results.row("contrast", c.label(), "estimate", c.estimate(), "se", c.se(),
                    "statistic", c.statistic(), "p", c.p(), "p_adjusted", adjusted[i], "lower", c.lower(),
                    "upper", c.upper(), "odds_ratio", Math.exp(c.estimate()), "or_lower",
                    Math.exp(c.lower()), "or_upper", Math.exp(c.upper())));
        }
        return contrasts;
    }
}
