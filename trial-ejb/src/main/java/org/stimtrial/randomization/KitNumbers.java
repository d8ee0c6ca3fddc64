package org.stimtrial.randomization;

import java.util.HashSet;
import java.util.Set;

/**
 * Kit (medication pack) numbers drawn at random without repetition from KT-100000 to KT-999999, so that neither the
 * order of the kits nor their numbers says anything about the arm or the block. Numbers already taken (by other
 * studies: kit numbers are unique in the database) are skipped.
 */
public final class KitNumbers {
    private static final int LOW = 100_000;
    private static final int SPAN = 900_000;
    private final AllocationRandom random;
    private final Set<Integer> used = new HashSet<>();

    public KitNumbers(AllocationRandom random) {
        this(random, Set.of());
    }

    public KitNumbers(AllocationRandom random, Set<String> taken) {
        this.random = random;
        for (String t : taken) {
            if (t.matches("KT-\\d{6}")) {
                used.add(Integer.valueOf(t.substring(3)));
            }
        }
    }

    public String next() {
        if (used.size() >= SPAN / 2) {
            throw new IllegalStateException("too many kits for the kit number space");
        }
        while (true) {
            int n = LOW + random.nextInt(SPAN);
            if (used.add(n)) {
                return "KT-" + n;
            }
        }
    }
}
