package org.stimtrial.analysis.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.sequential.Boundary;
import org.stimtrial.analysis.sequential.BoundaryTable;
import org.stimtrial.analysis.sequential.GroupSequentialDesign;
import org.stimtrial.analysis.sequential.SpendingFunction;

/** {@code boundaries}: group-sequential boundaries by alpha spending at the observed information fractions. */
final class BoundariesCommand {
    static final Set<String> VALUED = Set.of("spending", "alpha", "sides", "fractions", "z", "json");

    private BoundariesCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, VALUED, Set.of());
        GroupSequentialDesign design = GroupSequentialDesign.of(spending(o.get("spending").orElse("obf")))
                .withAlpha(number("alpha", o.get("alpha").orElse("0.025")))
                .withSides((int) number("sides", o.get("sides").orElse("1")));
        double[] fractions = numbers("fractions", o.require("fractions"));
        BoundaryTable table = design.boundaries(fractions);
        out.printf("%s spending, alpha %s, %d-sided%n", table.spending(), table.alpha(), table.sides());
        out.printf(" %4s %9s %12s %12s %9s %12s%n", "look", "fraction", "alpha spent", "at this look", "z bound",
                "nominal p");
        for (Boundary b : table.looks()) {
            out.printf(" %4d %9.4f %12.6f %12.6f %9.4f %12.6g%n", b.look(), b.informationFraction(),
                    b.cumulativeAlpha(), b.alphaAtLook(), b.z(), b.nominalP());
        }
        o.get("z").ifPresent(text -> out.println(table.firstCrossing(numbers("z", text))
                .map(b -> "the observed statistic crosses the boundary at look " + b.look())
                .orElse("the observed statistics cross no boundary")));
        o.get("json").ifPresent(file -> {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("spending", table.spending());
            root.put("alpha", table.alpha());
            root.put("sides", table.sides());
            root.put("looks", table.looks().stream().map(b -> Results.row("look", b.look(), "fraction",
                    b.informationFraction(), "alpha_spent", b.cumulativeAlpha(), "alpha_at_look", b.alphaAtLook(),
                    "z", b.z(), "nominal_p", b.nominalP())).toList());
            Results.write(Path.of(file), root);
            out.println("JSON written to " + file);
        });
        return 0;
    }

    private static SpendingFunction spending(String name) {
        if (name.startsWith("power:")) {
            return SpendingFunction.power(number("spending power", name.substring("power:".length())));
        }
        return switch (name) {
            case "obf" -> SpendingFunction.obrienFlemingType();
            case "pocock" -> SpendingFunction.pocockType();
            default -> throw new AnalysisException("--spending is obf, pocock or power:<rho>, not '" + name + "'");
        };
    }

    private static double[] numbers(String option, String text) {
        return Arrays.stream(text.split(",")).mapToDouble(v -> number(option, v.strip())).toArray();
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new AnalysisException("--" + option + ": '" + text + "' is not a number");
        }
    }
}
