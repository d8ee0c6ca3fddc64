package org.stimtrial.randomization;

import java.util.ArrayList;
import java.util.List;

/**
 * Stratified permuted blocks with randomly varying block sizes. Each block's size is a multiple m of the allocation
 * ratio total (chosen uniformly among the configured multiples), holds exactly m x weight entries of each arm, and
 * is shuffled (Fisher-Yates) with the stratum's random stream. Balance is therefore exact at the end of every block,
 * and varying the block size keeps the last entries of a block from being predictable.
 */
public final class PermutedBlocks {
    /** One planned entry of a stratum's list. */
    public record Entry(int sequence, int block, int blockSize, String arm) {
    }

    private final List<ArmShare> arms;
    private final List<Integer> multiples;

    public PermutedBlocks(List<ArmShare> arms, List<Integer> multiples) {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("randomization needs at least two arms");
        }
        if (multiples.isEmpty() || multiples.stream().anyMatch(m -> m < 1)) {
            throw new IllegalArgumentException("block multiples must be positive integers");
        }
        this.arms = List.copyOf(arms);
        this.multiples = List.copyOf(multiples);
    }

    /** Block sizes this design can produce. */
    public List<Integer> blockSizes() {
        int total = ArmShare.total(arms);
        return multiples.stream().map(m -> m * total).distinct().sorted().toList();
    }

    /** At least {@code length} entries for one stratum, in whole blocks, from that stratum's random stream. */
    public List<Entry> generate(int length, AllocationRandom random) {
        List<Entry> out = new ArrayList<>();
        int block = 0;
        while (out.size() < length) {
            block++;
            int m = multiples.get(random.nextInt(multiples.size()));
            List<String> content = new ArrayList<>();
            for (ArmShare arm : arms) {
                for (int i = 0; i < m * arm.weight(); i++) {
                    content.add(arm.code());
                }
            }
            for (int i = content.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String t = content.get(i);
                content.set(i, content.get(j));
                content.set(j, t);
            }
            for (String arm : content) {
                out.add(new Entry(out.size() + 1, block, content.size(), arm));
            }
        }
        return out;
    }
}
