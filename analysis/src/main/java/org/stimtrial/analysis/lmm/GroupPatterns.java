package org.stimtrial.analysis.lmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups whose Z_i'Z_i are identical (in a trial: subjects with the same set of observed weeks) share L_i and hence
 * M = Lambda (Lambda' Z_i'Z_i Lambda + I)^-1 Lambda'. Since R_ZX,i'R_ZX,i = (Z_i'X_i)' M (Z_i'X_i), the sums the
 * deviance needs can be pre-aggregated per pattern once, for every pair (a, b) of random-effect columns:
 * SXX_ab = sum_i (Z_i'X_i)_a' (Z_i'X_i)_b, SXY_ab = sum_i (Z_i'X_i)_a (Z_i'y_i)_b, SYY_ab = sum_i (Z_i'y_i)_a (Z_i'y_i)_b.
 * An evaluation then costs O(patterns q^2 p^2) instead of O(groups q p^2): worth it when the patterns are fewer than
 * the groups divided by q.
 */
final class GroupPatterns {
    final int count;
    final int[] size;
    final double[] ztz;
    final double[] sxx;
    final double[] sxy;
    final double[] syy;
    private final int groups;
    private final int q;

    private GroupPatterns(int q, int p, int groups, List<List<Integer>> members, double[] groupZtz, double[] ztx,
                          double[] zty) {
        this.q = q;
        this.groups = groups;
        this.count = members.size();
        this.size = new int[count];
        this.ztz = new double[count * q * q];
        this.sxx = new double[count * q * q * p * p];
        this.sxy = new double[count * q * q * p];
        this.syy = new double[count * q * q];
        for (int pat = 0; pat < count; pat++) {
            List<Integer> in = members.get(pat);
            size[pat] = in.size();
            System.arraycopy(groupZtz, in.get(0) * q * q, ztz, pat * q * q, q * q);
            for (int g : in) {
                for (int a = 0; a < q; a++) {
                    for (int b = 0; b < q; b++) {
                        int ab = (pat * q + a) * q + b;
                        double yb = zty[g * q + b];
                        syy[ab] += zty[g * q + a] * yb;
                        for (int i = 0; i < p; i++) {
                            double xa = ztx[(g * q + a) * p + i];
                            sxy[ab * p + i] += xa * yb;
                            if (xa == 0) {
                                continue;
                            }
                            for (int j = 0; j < p; j++) {
                                sxx[(ab * p + i) * p + j] += xa * ztx[(g * q + b) * p + j];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Groups the m groups by their Z_i'Z_i (exact equality). */
    static GroupPatterns of(int q, int p, int m, double[] groupZtz, double[] ztx, double[] zty) {
        Map<List<Double>, List<Integer>> byZtz = new LinkedHashMap<>();
        for (int g = 0; g < m; g++) {
            List<Double> key = Arrays.stream(Arrays.copyOfRange(groupZtz, g * q * q, (g + 1) * q * q)).boxed()
                    .toList();
            byZtz.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        List<List<Integer>> members = new ArrayList<>(byZtz.values());
        if ((long) members.size() * q > m) {
            return new GroupPatterns(q, p, m, List.of(), groupZtz, ztx, zty);
        }
        return new GroupPatterns(q, p, m, members, groupZtz, ztx, zty);
    }

    /** Whether the deviance should be evaluated by pattern (false when too few groups share a pattern). */
    boolean worthIt() {
        return count > 0 && (long) count * q <= groups;
    }
}
