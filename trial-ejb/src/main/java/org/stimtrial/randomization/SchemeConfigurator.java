package org.stimtrial.randomization;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stimtrial.audit.Actor;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.Sha256;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.Arm;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Site;
import org.stimtrial.study.Study;

/**
 * Validates a scheme setup and generates what it needs: the stratified permuted-block list with a random kit per
 * entry, or the kit inventory per arm for minimization. Everything comes from the seed's HMAC streams; the seed is
 * not stored.
 */
final class SchemeConfigurator {
    static final int MAX_ENTRIES = 200_000;
    private final EntityManager em;
    private final Clock clock;

    SchemeConfigurator(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The scheme and the seed that produced it (to be shown once). */
    record Created(RandomizationScheme scheme, String seed) {
    }

    Created configure(Study study, SchemeSetup setup, Actor actor) {
        if (!em.createQuery("SELECT s FROM RandomizationScheme s WHERE s.study = :st", RandomizationScheme.class)
                .setParameter("st", study).getResultList().isEmpty()) {
            throw new ConflictException("scheme-exists", "Study " + study.protocolCode()
                    + " already has a randomization scheme; it cannot be replaced once configured");
        }
        JpaStudyRepository studies = new JpaStudyRepository(em);
        List<Arm> arms = studies.arms(study);
        List<ArmShare> shares = arms.stream().map(a -> new ArmShare(a.code(), a.allocationWeight())).toList();
        String seed = setup.seed().orElseGet(SchemeConfigurator::newSeed);
        List<FieldError> errors = new ArrayList<>();
        if (seed.length() < 16) {
            errors.add(new FieldError("seed", "must have at least 16 characters"));
        }
        List<SchemeSetup.Factor> factors = setup instanceof SchemeSetup.Blocks b ? b.factors()
                : ((SchemeSetup.Minimize) setup).factors();
        Map<String, List<String>> levels = levels(studies.sites(study), factors, errors);
        byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        String digest = sha256(seedBytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        RandomizationScheme scheme;
        if (setup instanceof SchemeSetup.Blocks b) {
            check(b, levels, errors);
            scheme = RandomizationScheme.blocks(study, levels, b.blockMultiples(), digest, actor.username(), now);
        } else {
            SchemeSetup.Minimize m = (SchemeSetup.Minimize) setup;
            check(m, levels, errors);
            scheme = RandomizationScheme.minimization(study, levels, ordered(m.weights(), levels), m.probability(),
                    digest, actor.username(), now);
        }
        em.persist(scheme);
        Set<String> taken = new HashSet<>(em.createQuery("SELECT s.kitNumber FROM AllocationSlot s", String.class)
                .getResultList());
        taken.addAll(em.createQuery("SELECT k.kitNumber FROM Kit k", String.class).getResultList());
        taken.addAll(em.createQuery("SELECT a.kitNumber FROM Allocation a", String.class).getResultList());
        KitNumbers kits = new KitNumbers(new AllocationRandom(seedBytes, "kits:" + study.protocolCode()), taken);
        Map<String, Arm> byCode = new LinkedHashMap<>();
        arms.forEach(a -> byCode.put(a.code(), a));
        if (setup instanceof SchemeSetup.Blocks b) {
            PermutedBlocks design = new PermutedBlocks(shares, b.blockMultiples());
            for (String stratum : Strata.all(levels)) {
                for (PermutedBlocks.Entry e : design.generate(b.entriesPerStratum(),
                        new AllocationRandom(seedBytes, "stratum:" + stratum))) {
                    em.persist(new AllocationSlot(scheme, stratum, e, byCode.get(e.arm()), kits.next()));
                }
            }
        } else if (setup instanceof SchemeSetup.Minimize m) {
            for (Arm arm : arms) {
                for (int i = 1; i <= m.kitsPerArm(); i++) {
                    em.persist(new Kit(scheme, arm, i, kits.next()));
                }
            }
        }
        return new Created(scheme, seed);
    }

    private static Map<String, List<String>> levels(List<Site> sites, List<SchemeSetup.Factor> factors,
                                                    List<FieldError> errors) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (SchemeSetup.Factor f : factors) {
            if (f.name() == null || !f.name().matches("[a-z][a-z0-9_]{0,39}")) {
                errors.add(new FieldError("factors", "factor names are lower-case words (got '" + f.name() + "')"));
            } else if (levels.containsKey(f.name())) {
                errors.add(new FieldError("factors", "factor '" + f.name() + "' is listed twice"));
            } else if (f.name().equals(SchemeSetup.Factor.SITE)) {
                levels.put(f.name(), sites.stream().filter(Site::isActive).map(Site::code).toList());
            } else if (f.levels().size() < 2 || Set.copyOf(f.levels()).size() != f.levels().size()
                    || f.levels().stream().anyMatch(l -> l == null || !l.matches("[A-Za-z0-9_.-]{1,40}"))) {
                errors.add(new FieldError("factors", "factor '" + f.name()
                        + "' needs two or more distinct levels (letters, digits, . _ -)"));
            } else {
                levels.put(f.name(), f.levels());
            }
        }
        return levels;
    }

    private static void check(SchemeSetup.Blocks b, Map<String, List<String>> levels, List<FieldError> errors) {
        if (b.blockMultiples().isEmpty() || b.blockMultiples().stream().anyMatch(m -> m == null || m < 1 || m > 10)) {
            errors.add(new FieldError("blockMultiples", "one or more whole numbers from 1 to 10"));
        }
        long strata = levels.values().stream().mapToLong(List::size).reduce(1, (x, y) -> x * y);
        if (b.entriesPerStratum() < 1 || strata * b.entriesPerStratum() > MAX_ENTRIES) {
            errors.add(new FieldError("entriesPerStratum", "from 1 to " + MAX_ENTRIES + " entries in all ("
                    + strata + " strata)"));
        }
        fail(errors);
    }

    private static void check(SchemeSetup.Minimize m, Map<String, List<String>> levels, List<FieldError> errors) {
        if (levels.isEmpty()) {
            errors.add(new FieldError("factors", "minimization needs at least one factor"));
        }
        if (!m.weights().keySet().equals(levels.keySet())) {
            errors.add(new FieldError("weights", "give one positive weight for each factor " + levels.keySet()));
        } else if (m.weights().values().stream().anyMatch(w -> w == null || !(w > 0))) {
            errors.add(new FieldError("weights", "weights must be positive"));
        }
        if (!(m.probability() > 0.5 && m.probability() <= 1)) {
            errors.add(new FieldError("probability", "must be above 0.5 and at most 1 (e.g. 0.8)"));
        }
        if (m.kitsPerArm() < 1 || m.kitsPerArm() > MAX_ENTRIES / 10) {
            errors.add(new FieldError("kitsPerArm", "from 1 to " + MAX_ENTRIES / 10));
        }
        fail(errors);
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }

    private static Map<String, Double> ordered(Map<String, Double> weights, Map<String, List<String>> levels) {
        Map<String, Double> out = new LinkedHashMap<>();
        levels.keySet().forEach(f -> out.put(f, weights.get(f)));
        return out;
    }

    private static String newSeed() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
