package org.stimtrial.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Simulates the five-arm trial with the design of the validation data (shared/validation/R/common.R): subjects
 * randomized equally to five arms and five sites, weekly visits 0-12, craving with a correlated random intercept and
 * slope, urine screens from a logistic model with a subject effect. Seeded, so every run times the same data.
 */
final class TrialSimulator {
    private static final String[] ARMS = {"placebo", "bupropion", "modafinil", "nac", "baclofen"};
    private static final double[] CRAVING_SLOPE = {0, -0.6, -0.1, -0.45, 0};
    private static final double[] UDS_SLOPE = {0, 0.12, 0.02, 0.09, 0};
    private static final double[] SITE_EFFECT = {0, 3, -2, 1.5, -4};

    private TrialSimulator() {
    }

    static Path write(int subjects, long seed, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("trial_n" + subjects + ".csv");
        Random rng = new Random(seed);
        List<Integer> arms = new ArrayList<>();
        for (int i = 0; i < subjects; i++) {
            arms.add(i % ARMS.length);
        }
        Collections.shuffle(arms, rng);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("subject_id,site,arm,sex,week,craving,uds_negative,baseline_craving");
            for (int s = 0; s < subjects; s++) {
                int arm = arms.get(s);
                int site = rng.nextInt(5);
                boolean male = rng.nextDouble() < 0.65;
                double base = round1(clamp(62 + 14 * rng.nextGaussian()));
                double z0 = rng.nextGaussian();
                double z1 = rng.nextGaussian();
                double z2 = rng.nextGaussian();
                double b0 = 10 * z0;
                double b1 = -0.3 * z0 + Math.sqrt(1 - 0.09) * z1;
                double u = 1.4 * (-0.4 * z0 + Math.sqrt(1 - 0.16) * z2);
                for (int w = 0; w <= 12; w++) {
                    double mu = 12 + 0.75 * base + SITE_EFFECT[site] + (male ? 2 : 0) + b0
                            + (-0.8 + CRAVING_SLOPE[arm] + b1) * w;
                    double craving = w == 0 ? base : round1(clamp(mu + 9 * rng.nextGaussian()));
                    double eta = -1.2 + (0.03 + UDS_SLOPE[arm]) * w + u;
                    int uds = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                    out.printf("subj%05d,site%d,%s,%s,%d,%.1f,%d,%.1f%n", s + 1, site + 1, ARMS[arm], male ? "M" : "F",
                            w, craving, uds, base);
                }
            }
        }
        return file;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
