package org.stimtrial.benchmark;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.stimtrial.analysis.data.CsvTable;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.gee.Gee;
import org.stimtrial.analysis.gee.WorkingCorrelation;
import org.stimtrial.analysis.glmm.BinomialGlmm;
import org.stimtrial.analysis.lmm.Lmm;
import org.stimtrial.analysis.mmrm.CovarianceStructure;
import org.stimtrial.analysis.mmrm.Mmrm;
import org.stimtrial.analysis.model.FactorLevels;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;

/**
 * Times the engine's models on simulated trials of 250, 1,000, 2,000 and 5,000 subjects x 12 weeks: median of 5 runs
 * after warm-up, peak heap, and the ratio to R (lme4, glmer, nlme::gls) measured in the same run when Rscript with
 * lme4 and nlme is installed, otherwise to R's timings recorded on this machine type
 * (shared/validation/public/timings.json).
 */
public final class AnalysisBenchmark {
    private static final int RUNS = 5;
    private static final FactorLevels LEVELS = FactorLevels.defaults()
            .withLevels("arm", List.of("placebo", "bupropion", "modafinil", "nac", "baclofen"));
    /** R on this machine type (2 cores): lmer, glmer Laplace, gls unstructured, seconds. */
    private static final Map<Integer, double[]> RECORDED_R = Map.of(
            250, new double[] {0.140, 2.29, 205},
            1000, new double[] {0.473, 14.6, Double.NaN},
            2000, new double[] {1.25, 50.0, Double.NaN},
            5000, new double[] {2.95, 91.3, Double.NaN});

    private AnalysisBenchmark() {
    }

    /** One model's figures. */
    private record Timing(String model, int subjects, double medianSeconds, double peakHeapMb, double rSeconds,
                          String rSource) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "250,1000,2000,5000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path dir = Path.of(args.length > 1 ? args[1] : "target/benchmark");
        boolean haveR = rAvailable();
        System.out.printf("StimTrial analysis benchmark: %d cores, max heap %d MB, Java %s; R in this run: %s%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), haveR ? "yes" : "no (ratios use R's recorded timings)");
        List<Timing> all = new ArrayList<>();
        for (int n : sizes) {
            Path file = TrialSimulator.write(n, 20261122L + n, dir);
            DataTable all12 = CsvTable.read(file);
            double[] week = all12.numeric("week").values();
            DataTable data = all12.filter(r -> week[r] >= 1 && week[r] <= 12);
            double[] r = haveR ? timeR(file, dir) : RECORDED_R.getOrDefault(n, new double[] {Double.NaN,
                    Double.NaN, Double.NaN});
            String source = haveR ? "measured now" : "recorded";
            ModelFrame lmmFrame = ModelFrame.of(data,
                    Formula.parse("craving ~ arm*week + baseline_craving + site + (1 + week | subject_id)"), LEVELS);
            all.add(time("LMM REML", n, () -> Lmm.reml().fit(lmmFrame), r[0], source));
            ModelFrame glmmFrame = ModelFrame.of(data, Formula.parse("uds_negative ~ arm*week + (1 | subject_id)"),
                    LEVELS);
            all.add(time("GLMM Laplace", n, () -> BinomialGlmm.laplace().fit(glmmFrame), r[1], source));
            ModelFrame mmrmFrame = ModelFrame.of(data, Formula.parse("craving ~ arm*factor(week) + baseline_craving"),
                    LEVELS, List.of("subject_id", "factor(week)"));
            all.add(time("MMRM unstructured", n, () -> Mmrm.of(CovarianceStructure.UNSTRUCTURED, true)
                    .fit(mmrmFrame, "subject_id", "factor(week)"), r[2], source));
            ModelFrame geeFrame = ModelFrame.of(data, Formula.parse("uds_negative ~ arm*week"), LEVELS);
            all.add(time("GEE exchangeable", n, () -> Gee.with(WorkingCorrelation.EXCHANGEABLE)
                    .fit(geeFrame, data, "subject_id"), Double.NaN, source));
        }
        System.out.println();
        System.out.printf("%-18s %8s %12s %12s %12s %10s  %s%n", "model", "subjects", "median (s)", "peak heap MB",
                "R (s)", "R / Java", "R timing");
        for (Timing t : all) {
            System.out.printf("%-18s %8d %12.4f %12.0f %12s %10s  %s%n", t.model(), t.subjects(), t.medianSeconds(),
                    t.peakHeapMb(), Double.isNaN(t.rSeconds()) ? "-" : String.format("%.3f", t.rSeconds()),
                    Double.isNaN(t.rSeconds()) ? "-" : String.format("%.1fx", t.rSeconds() / t.medianSeconds()),
                    Double.isNaN(t.rSeconds()) ? "" : t.rSource());
        }
        System.out.println();
        System.out.println("Goals: LMM >= 5x lme4, GLMM Laplace >= 10x glmer, MMRM unstructured >= 100x nlme::gls,"
                + " MMRM unstructured on 2,000 subjects < 2 s.");
    }

    private static Timing time(String model, int n, Supplier<Object> fit, double rSeconds, String source) {
        int warmup = n >= 2000 ? 1 : 5;
        for (int i = 0; i < warmup; i++) {
            fit.get();
        }
        double[] seconds = new double[RUNS];
        double peak = 0;
        for (int i = 0; i < RUNS; i++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            fit.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            peak = Math.max(peak, heapPeakMb());
        }
        Arrays.sort(seconds);
        Timing t = new Timing(model, n, seconds[RUNS / 2], peak, rSeconds, source);
        System.out.printf("  %-18s n=%-5d median %.4f s (runs %s), peak heap %.0f MB%n", model, n, t.medianSeconds(),
                Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 1e4) / 1e4).toArray()), peak);
        return t;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double heapPeakMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }

    private static boolean rAvailable() {
        try {
            Process p = new ProcessBuilder("Rscript", "-e", "suppressMessages({library(lme4); library(nlme)})")
                    .redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static double[] timeR(Path csv, Path dir) throws Exception {
        Path script = dir.resolve("r-timing.R");
        try (InputStream in = AnalysisBenchmark.class.getResourceAsStream("/r-timing.R")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder("Rscript", script.toString(), csv.toString(), "250").redirectErrorStream(true)
                .start();
        Map<String, Double> values = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                for (String part : line.trim().split(" ")) {
                    String[] kv = part.split("=");
                    if (kv.length == 2) {
                        values.put(kv[0], kv[1].equals("NA") ? Double.NaN : Double.parseDouble(kv[1]));
                    }
                }
            }
        }
        p.waitFor(2, TimeUnit.HOURS);
        return new double[] {Optional.ofNullable(values.get("lmm")).orElse(Double.NaN),
                Optional.ofNullable(values.get("glmm")).orElse(Double.NaN),
                Optional.ofNullable(values.get("gls")).orElse(Double.NaN)};
    }
}
