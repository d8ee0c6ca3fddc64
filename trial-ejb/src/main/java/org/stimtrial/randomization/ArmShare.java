package org.stimtrial.randomization;

import java.util.List;

/** An arm's code and its integer allocation weight (1:1:1:1:1 gives every arm weight 1). */
public record ArmShare(String code, int weight) {
    public ArmShare {
        if (weight < 1) {
            throw new IllegalArgumentException("allocation weight must be at least 1");
        }
    }

    static int total(List<ArmShare> arms) {
        return arms.stream().mapToInt(ArmShare::weight).sum();
    }
}
