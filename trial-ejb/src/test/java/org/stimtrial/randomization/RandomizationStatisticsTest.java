package org.stimtrial.randomization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generators' statistical properties on fixed seeds (deterministic, so never flaky): exact balance at the end of
 * every block, the spread of block sizes, reproducibility from the seed, and minimization's imbalance against
 * simple randomization over simulated sequences.
 */
class RandomizationStatisticsTest {
    private static final List<ArmShare> FIVE = List.of(new ArmShare("placebo", 1), new ArmShare("bupropion", 1),
            new ArmShare("modafinil", 1), new ArmShare("nac", 1), new ArmShare("baclofen", 1));
    private static final byte[] SEED = "a secret seed of thirty-two byte".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyBlockIsExactlyBalancedAndBlockSizesVaryAsConfigured() {
        PermutedBlocks design = new PermutedBlocks(FIVE, List.of(1, 2));
        assertEquals(List.of(5, 10), design.blockSizes());
        List<PermutedBlocks.Entry> list = design.generate(20_000, new AllocationRandom(SEED, "S01|high"));
        Map<Integer, List<PermutedBlocks.Entry>> blocks = list.stream()
                .collect(Collectors.groupingBy(PermutedBlocks.Entry::block, LinkedHashMap::new, Collectors.toList()));
        int fives = 0;
        for (List<PermutedBlocks.Entry> block : blocks.values()) {
            int size = block.get(0).blockSize();
            assertEquals(size, block.size());
            Map<String, Long> perArm = block.stream().collect(Collectors.groupingBy(PermutedBlocks.Entry::arm,
                    Collectors.counting()));
            assertEquals(5, perArm.size());
            perArm.values().forEach(n -> assertEquals(size / 5, n.intValue()));
            fives += size == 5 ? 1 : 0;
        }
        int n = blocks.size();
        double share = (double) fives / n;
        double sd = Math.sqrt(0.25 / n);
        assertTrue(Math.abs(share - 0.5) < 4 * sd, "share of 5-blocks " + share + " over " + n + " blocks");
        for (int i = 0; i < list.size(); i++) {
            assertEquals(i + 1, list.get(i).sequence());
        }
    }

    @Test
    void eachArmIsEquallyLikelyAtEveryPositionOfABlock() {
        PermutedBlocks design = new PermutedBlocks(FIVE, List.of(1));
        List<PermutedBlocks.Entry> list = design.generate(50_000, new AllocationRandom(SEED, "positions"));
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < list.size(); i += 5) {
            first.merge(list.get(i).arm(), 1, Integer::sum);
        }
        double expected = list.size() / 5.0 / 5.0;
        double chi2 = first.values().stream().mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
        assertTrue(chi2 < 18.47, "chi-squared of first positions (4 df, 0.1% critical value 18.47): " + chi2);
    }

    @Test
    void theSameSeedReproducesTheListAndAnotherSeedOrStratumDoesNot() {
        PermutedBlocks design = new PermutedBlocks(List.of(new ArmShare("a", 2), new ArmShare("b", 1)), List.of(1, 2));
        List<PermutedBlocks.Entry> one = design.generate(300, new AllocationRandom(SEED, "S01"));
        assertEquals(one, design.generate(300, new AllocationRandom(SEED, "S01")));
        assertNotEquals(one, design.generate(300, new AllocationRandom(SEED, "S02")));
        byte[] other = SEED.clone();
        other[0] ^= 1;
        assertNotEquals(one, design.generate(300, new AllocationRandom(other, "S01")));
        long a = one.stream().filter(e -> e.arm().equals("a")).count();
        assertEquals(2.0, (double) a / (one.size() - a), 0.25, "2:1 ratio");
    }

    @Test
    void kitNumbersAreUniqueAndCarryNoOrder() {
        KitNumbers kits = new KitNumbers(new AllocationRandom(SEED, "kits"));
        Set<String> seen = new HashSet<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String k = kits.next();
            assertTrue(k.matches("KT-\\d{6}"), k);
            assertTrue(seen.add(k), "duplicate " + k);
            values.add(Integer.parseInt(k.substring(3)));
        }
        long ascending = 0;
        for (int i = 1; i < values.size(); i++) {
            ascending += values.get(i) > values.get(i - 1) ? 1 : 0;
        }
        assertEquals(0.5, ascending / (values.size() - 1.0), 0.05, "consecutive kits rise half the time");
    }

    @Test
    void minimizationKeepsFactorsFarBetterBalancedThanSimpleRandomization() {
        Map<String, Double> weights = Map.of("site", 1.0, "severity", 1.0);
        Minimization minimization = new Minimization(FIVE, weights, 0.8);
        AllocationRandom participants = new AllocationRandom(SEED, "participants");
        AllocationRandom draws = new AllocationRandom(SEED, "minimization");
        AllocationRandom simple = new AllocationRandom(SEED, "simple");
        double minimized = 0;
        double randomized = 0;
        int tookMinimizing = 0;
        int choices = 0;
        int sequences = 200;
        for (int s = 0; s < sequences; s++) {
            Map<String, Integer> countsMin = new HashMap<>();
            Map<String, Integer> countsSimple = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                Map<String, String> levels = Map.of("site", "S0" + (1 + participants.nextInt(5)), "severity",
                        participants.nextInt(3) == 0 ? "high" : "low");
                Minimization.Decision d = minimization.choose(levels,
                        (f, l, arm) -> countsMin.getOrDefault(f + "=" + l + "/" + arm, 0), draws);
                if (d.imbalance().values().stream().distinct().count() > 1) {
                    choices++;
                    tookMinimizing += d.tookMinimizing() ? 1 : 0;
                }
                String simpleArm = FIVE.get(simple.nextInt(5)).code();
                levels.forEach((f, l) -> {
                    countsMin.merge(f + "=" + l + "/" + d.arm(), 1, Integer::sum);
                    countsSimple.merge(f + "=" + l + "/" + simpleArm, 1, Integer::sum);
                });
            }
            minimized += totalImbalance(countsMin);
            randomized += totalImbalance(countsSimple);
        }
        minimized /= sequences;
        randomized /= sequences;
        assertTrue(minimized < randomized / 2, "mean summed range: minimization " + minimized + ", simple "
                + randomized);
        double share = (double) tookMinimizing / choices;
        assertEquals(0.8, share, 4 * Math.sqrt(0.16 / choices), "share of minimizing choices");
    }

    /** Sum over every factor level of the range of the arm counts. */
    private static double totalImbalance(Map<String, Integer> counts) {
        Map<String, List<Integer>> byLevel = new HashMap<>();
        for (String level : List.of("site=S01", "site=S02", "site=S03", "site=S04", "site=S05", "severity=high",
                "severity=low")) {
            for (ArmShare arm : FIVE) {
                byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(counts.getOrDefault(level + "/"
                        + arm.code(), 0));
            }
        }
        return byLevel.values().stream().mapToDouble(v -> v.stream().mapToInt(Integer::intValue).max().orElse(0)
                - v.stream().mapToInt(Integer::intValue).min().orElse(0)).sum();
    }
}
