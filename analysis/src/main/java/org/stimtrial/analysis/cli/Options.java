package org.stimtrial.analysis.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.model.FactorLevels;

/** Command-line options {@code --name value} (repeatable) and flags {@code --name}, checked against what a command knows. */
final class Options {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Options(String[] args, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new AnalysisException("Unexpected argument '" + a + "' (options start with --)");
            }
            String name = a.substring(2);
            if (flags.contains(name)) {
                values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new AnalysisException("Option --" + name + " needs a value");
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new AnalysisException("Unknown option --" + name + "; this command takes --"
                        + String.join(", --", valued) + (flags.isEmpty() ? "" : ", --" + String.join(", --", flags)));
            }
        }
    }

    Optional<String> get(String name) {
        List<String> v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    String require(String name) {
        return get(name).orElseThrow(() -> new AnalysisException("Option --" + name + " is required"));
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    /** {@code --ref factor=level} and {@code --levels factor=a,b,c}. */
    FactorLevels factorLevels() {
        FactorLevels levels = FactorLevels.defaults();
        for (String r : all("ref")) {
            String[] kv = pair("ref", r);
            levels = levels.withReference(kv[0], kv[1]);
        }
        for (String l : all("levels")) {
            String[] kv = pair("levels", l);
            levels = levels.withLevels(kv[0], List.of(kv[1].split(",")));
        }
        return levels;
    }

    /** {@code --at name=value} pairs. */
    Map<String, String> at() {
        Map<String, String> at = new LinkedHashMap<>();
        for (String a : all("at")) {
            String[] kv = pair("at", a);
            at.put(kv[0], kv[1]);
        }
        return at;
    }

    static String[] pair(String option, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new AnalysisException("--" + option + " takes name=value, not '" + text + "'");
        }
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }

    /** Keeps the rows whose {@code --week-column} (default week) lies in {@code --weeks a-b}. */
    DataTable weeks(DataTable data) {
        Optional<String> range = get("weeks");
        if (range.isEmpty()) {
            return data;
        }
        String[] ab = range.get().split("-");
        double from;
        double to;
        try {
            from = Double.parseDouble(ab[0]);
            to = ab.length > 1 ? Double.parseDouble(ab[1]) : from;
        } catch (NumberFormatException e) {
            throw new AnalysisException("--weeks takes a range like 1-12, not '" + range.get() + "'");
        }
        double[] week = data.numeric(get("week-column").orElse("week")).values();
        return data.filter(r -> week[r] >= from && week[r] <= to);
    }
}
