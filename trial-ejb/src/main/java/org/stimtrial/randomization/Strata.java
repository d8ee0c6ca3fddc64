package org.stimtrial.randomization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stratum keys: factor=level pairs in the scheme's factor order, e.g. {@code site=S01;severity=high}. */
final class Strata {
    private Strata() {
    }

    static String key(Map<String, String> levels, List<String> factors) {
        List<String> parts = new ArrayList<>();
        for (String f : factors) {
            parts.add(f + "=" + levels.get(f));
        }
        return String.join(";", parts);
    }

    /** Every stratum of the cross-classification, first factor varying slowest. */
    static List<String> all(Map<String, List<String>> levels) {
        List<String> keys = new ArrayList<>();
        keys.add("");
        for (Map.Entry<String, List<String>> f : levels.entrySet()) {
            List<String> next = new ArrayList<>();
            for (String prefix : keys) {
                for (String level : f.getValue()) {
                    next.add((prefix.isEmpty() ? "" : prefix + ";") + f.getKey() + "=" + level);
                }
            }
            keys = next;
        }
        return keys;
    }
}
