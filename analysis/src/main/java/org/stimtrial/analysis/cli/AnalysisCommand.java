package org.stimtrial.analysis.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.stimtrial.analysis.AnalysisException;

/**
 * {@code java -jar trial-analysis.jar <command> [options]}. Exit codes: 0 success, 2 bad input or usage (the
 * message says what), 3 the model did not converge (results printed with a warning), 70 internal error.
 */
public final class AnalysisCommand {
    static final int BAD_INPUT = 2;
    static final int NOT_CONVERGED = 3;
    static final int INTERNAL = 70;

    private static final String USAGE = """
            Usage: java -jar trial-analysis.jar <command> [options]
            Commands:
              lmm   linear mixed model (REML or ML), Satterthwaite or Kenward-Roger df, emmeans and contrasts
                    --data FILE --formula "y ~ arm*week + (1 + week | subject_id)" [--reml | --ml]
                    [--ddf satterthwaite|kenward-roger]
                    [--ref arm=placebo] [--levels arm=placebo,bupropion,...] [--weeks 1-12] [--week-column week]
                    [--emmeans arm --at week=12] [--adjust dunnett|holm|none] [--json out.json]
              tes   treatment effectiveness score: negative urine screens per subject, missed counted positive
                    --data FILE [--subject subject_id] [--arm arm] [--week week] [--uds uds_negative]
                    [--weeks 1-12] [--ref placebo] [--json out.json]
              mmrm  mixed model for repeated measures (GLS, visits within subject)
                    --data FILE --formula "craving ~ arm*factor(week) + baseline_craving" --subject subject_id
                    --visit week [--covariance us|cs|ar1] [--reml | --ml] [--df satterthwaite|residual|emmeans]
                    [--ref ...] [--levels ...] [--weeks 1-12] [--emmeans arm --at week=12]
                    [--adjust dunnett|holm|none] [--json out.json]
              glmm  logistic mixed model, Laplace (--nagq 1) or, for a random intercept only, adaptive
                    Gauss-Hermite (--nagq N); random slopes as (1 + week | subject_id), Laplace
                    --data FILE --formula "uds_negative ~ arm*week + (1 | subject_id)" [--nagq 1]
                    [--ref ...] [--levels ...] [--weeks 1-12] [--emmeans arm --at week=12]
                    [--adjust dunnett|holm|none] [--json out.json]
              gee   GEE logistic regression with robust (sandwich) SEs, as geepack
                    --data FILE --formula "uds_negative ~ arm*week" --id subject_id
                    [--corstr independence|exchangeable|ar1] [--ref arm=placebo] [--levels ...] [--weeks 1-12]
                    [--emmeans arm --at week=12] [--adjust dunnett|holm|none] [--json out.json]
              boundaries  group-sequential boundaries by Lan-DeMets alpha spending at observed information
                    --fractions 0.31,0.58,1 [--spending obf|pocock|power:<rho>] [--alpha 0.025] [--sides 1|2]
                    [--z 1.2,2.9 (observed statistics: which look they cross)] [--json out.json]
            Contrasts compare each level with the reference level; their p-values are adjusted by Dunnett's
            multivariate t integral unless --adjust says otherwise.
            """;

    private AnalysisCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? BAD_INPUT : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "lmm" -> LmmCommand.run(rest, out);
                case "tes" -> TesCommand.run(rest, out);
                case "gee" -> GeeCommand.run(rest, out);
                case "glmm" -> GlmmCommand.run(rest, out);
                case "mmrm" -> MmrmCommand.run(rest, out);
                case "boundaries" -> BoundariesCommand.run(rest, out);
                default -> {
                    err.println("error: unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    yield BAD_INPUT;
                }
            };
        } catch (AnalysisException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (please report it with the command line)");
            return INTERNAL;
        }
    }
}
