package org.stimtrial.randomization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.study.Study;

/**
 * A study's randomization scheme. The seed itself is never stored: only its SHA-256 digest, so that a list
 * regenerated from the seed the unblinded statistician keeps can be checked against the stored one. The row is
 * also the lock that serializes randomizations of the study ({@link #allocations} counts them).
 */
@Entity
@Table(name = "randomization_scheme")
public class RandomizationScheme extends BaseEntity {
    @OneToOne(optional = false)
    @JoinColumn(name = "study_id")
    private Study study;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SchemeMethod method;
    @Column(nullable = false)
    private String factors;
    @Column(name = "block_multiples")
    private String blockMultiples;
    @Column(name = "factor_weights")
    private String factorWeights;
    private Double probability;
    @Column(name = "seed_digest", nullable = false)
    private String seedDigest;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(nullable = false)
    private int allocations;

    protected RandomizationScheme() {
    }

    private RandomizationScheme(Study study, SchemeMethod method, Map<String, List<String>> factors,
                                String seedDigest, String createdBy, OffsetDateTime createdAt) {
        this.study = Objects.requireNonNull(study);
        this.method = method;
        this.factors = String.join(",", factors.entrySet().stream().map(e -> e.getKey().equals("site")
                ? e.getKey() : e.getKey() + ":" + String.join("|", e.getValue())).toList());
        this.seedDigest = seedDigest;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    static RandomizationScheme blocks(Study study, Map<String, List<String>> factors, List<Integer> multiples,
                                      String seedDigest, String by, OffsetDateTime at) {
        RandomizationScheme s = new RandomizationScheme(study, SchemeMethod.PERMUTED_BLOCKS, factors, seedDigest, by,
                at);
        s.blockMultiples = String.join(",", multiples.stream().map(String::valueOf).toList());
        return s;
    }

    static RandomizationScheme minimization(Study study, Map<String, List<String>> factors,
                                            Map<String, Double> weights, double probability, String seedDigest,
                                            String by, OffsetDateTime at) {
        RandomizationScheme s = new RandomizationScheme(study, SchemeMethod.MINIMIZATION, factors, seedDigest, by,
                at);
        s.factorWeights = String.join(",", weights.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList());
        s.probability = probability;
        return s;
    }

    public Study study() {
        return study;
    }

    public SchemeMethod method() {
        return method;
    }

    /** The stratification (blocks) or minimization factors, in order; {@code site} is the participant's site. */
    public List<String> factors() {
        return Arrays.stream(factors.split(",")).map(f -> f.split(":", 2)[0]).toList();
    }

    /** The levels of a factor other than {@code site} (whose levels are the study's sites). */
    public List<String> levels(String factor) {
        return Arrays.stream(factors.split(",")).filter(f -> f.startsWith(factor + ":"))
                .map(f -> List.of(f.substring(factor.length() + 1).split("\\|"))).findFirst().orElse(List.of());
    }

    public List<Integer> blockMultiples() {
        return blockMultiples == null ? List.of()
                : Arrays.stream(blockMultiples.split(",")).map(Integer::valueOf).toList();
    }

    public Map<String, Double> factorWeights() {
        Map<String, Double> w = new LinkedHashMap<>();
        if (factorWeights != null) {
            for (String pair : factorWeights.split(",")) {
                String[] kv = pair.split("=", 2);
                w.put(kv[0], Double.valueOf(kv[1]));
            }
        }
        return w;
    }

    public double probability() {
        return probability == null ? 1 : probability;
    }

    public String seedDigest() {
        return seedDigest;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public int allocations() {
        return allocations;
    }

    void countAllocation() {
        allocations++;
    }
}
