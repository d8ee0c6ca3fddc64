package org.stimtrial.analysis.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.Column;
import org.stimtrial.analysis.data.DataTable;

/**
 * Urine-screen endpoints per subject over the treatment weeks: the treatment effectiveness score (TES, the number of
 * negative screens, a missed or missing screen counted positive), weekly abstinence and end-of-treatment abstinence
 * (every screen of the last two weeks negative), summarized by arm with Kruskal-Wallis across arms and Wilcoxon
 * rank-sum tests of each arm against the reference arm.
 */
public final class TreatmentEffectiveness {
    /** One subject's endpoints. */
    public record SubjectScore(String subject, String arm, int tes, boolean endOfTreatmentAbstinent) {
    }

    /** An arm's summary. */
    public record ArmSummary(String arm, int n, double mean, double sd, double median, double eotAbstinentFraction,
                             double[] weeklyNegativeFraction) {
    }

    /** A comparison of one arm with the reference arm. */
    public record Comparison(String label, RankTests.Outcome wilcoxon) {
    }

    /** Everything, per subject and per arm. */
    public record Result(int firstWeek, int lastWeek, List<SubjectScore> subjects, List<ArmSummary> arms,
                         RankTests.Outcome kruskalWallis, List<Comparison> versusReference) {
        public Result {
            subjects = List.copyOf(subjects);
            arms = List.copyOf(arms);
            versusReference = List.copyOf(versusReference);
        }
    }

    private TreatmentEffectiveness() {
    }

    public static Result compute(DataTable data, String subjectCol, String armCol, String weekCol, String udsCol,
                                 int firstWeek, int lastWeek, String referenceArm, List<String> armOrder) {
        Column.Text subject = text(data, subjectCol);
        Column.Text arm = text(data, armCol);
        double[] week = data.numeric(weekCol).values();
        double[] uds = data.numeric(udsCol).values();
        int weeks = lastWeek - firstWeek + 1;
        Map<String, String> armOf = new LinkedHashMap<>();
        Map<String, int[]> negative = new LinkedHashMap<>();
        for (int r = 0; r < data.rows(); r++) {
            String s = subject.get(r);
            if (s == null || arm.get(r) == null) {
                throw new AnalysisException("Row " + (r + 2) + ": subject and arm are required");
            }
            String previous = armOf.putIfAbsent(s, arm.get(r));
            if (previous != null && !previous.equals(arm.get(r))) {
                throw new AnalysisException("Subject " + s + " appears in two arms (" + previous + ", " + arm.get(r)
                        + ")");
            }
            int[] neg = negative.computeIfAbsent(s, k -> new int[weeks]);
            if (Double.isNaN(week[r]) || week[r] < firstWeek || week[r] > lastWeek) {
                continue;
            }
            double v = uds[r];
            if (!Double.isNaN(v) && v != 0 && v != 1) {
                throw new AnalysisException("Row " + (r + 2) + ": " + udsCol + " must be 0, 1 or NA, not " + v);
            }
            if (v == 1) {
                neg[(int) week[r] - firstWeek] = 1;
            }
        }
        List<String> ordered = orderedArms(armOf, referenceArm, armOrder);
        List<SubjectScore> scores = new ArrayList<>();
        negative.forEach((s, neg) -> scores.add(new SubjectScore(s, armOf.get(s), Arrays.stream(neg).sum(),
                weeks >= 2 && neg[weeks - 1] == 1 && neg[weeks - 2] == 1)));
        List<ArmSummary> summaries = new ArrayList<>();
        List<double[]> groups = new ArrayList<>();
        for (String a : ordered) {
            double[] tes = scores.stream().filter(s -> s.arm().equals(a)).mapToDouble(SubjectScore::tes).toArray();
            long eot = scores.stream().filter(s -> s.arm().equals(a) && s.endOfTreatmentAbstinent()).count();
            double[] weekly = new double[weeks];
            negative.forEach((s, neg) -> {
                if (armOf.get(s).equals(a)) {
                    for (int w = 0; w < weeks; w++) {
                        weekly[w] += neg[w];
                    }
                }
            });
            for (int w = 0; w < weeks; w++) {
                weekly[w] /= tes.length;
            }
            groups.add(tes);
            summaries.add(new ArmSummary(a, tes.length, mean(tes), sd(tes), median(tes), (double) eot / tes.length,
                    weekly));
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            comparisons.add(new Comparison(ordered.get(i) + " vs " + ordered.get(0),
                    RankTests.wilcoxon(groups.get(i), groups.get(0))));
        }
        return new Result(firstWeek, lastWeek, scores, summaries, RankTests.kruskalWallis(groups), comparisons);
    }

    /** The reference arm first, then the others in the order given, or sorted (R's default factor order). */
    private static List<String> orderedArms(Map<String, String> armOf, String reference, List<String> order) {
        TreeSet<String> present = new TreeSet<>(armOf.values());
        if (!present.contains(reference)) {
            throw new AnalysisException("Reference arm '" + reference + "' has no subjects; arms are " + present);
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(reference);
        for (String a : order) {
            if (!present.contains(a)) {
                throw new AnalysisException("Arm '" + a + "' has no subjects; arms are " + present);
            }
            if (!ordered.contains(a)) {
                ordered.add(a);
            }
        }
        for (String a : present) {
            if (!ordered.contains(a)) {
                ordered.add(a);
            }
        }
        return ordered;
    }

    private static Column.Text text(DataTable data, String name) {
        if (data.column(name) instanceof Column.Text t) {
            return t;
        }
        Column.Numeric n = data.numeric(name);
        String[] s = new String[n.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = n.isMissing(i) ? null : Double.toString(n.get(i));
        }
        return new Column.Text(name, s);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
