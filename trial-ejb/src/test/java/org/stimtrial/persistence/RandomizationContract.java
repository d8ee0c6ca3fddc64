package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditChainVerifier;
import org.stimtrial.audit.Source;
import org.stimtrial.demo.DemoLoader;
import org.stimtrial.demo.DemoPlan.StudySpec;
import org.stimtrial.demo.DemoStudyGenerator;
import org.stimtrial.randomization.AlertSink;
import org.stimtrial.randomization.RandomizationAlerts;
import org.stimtrial.randomization.RandomizationService;
import org.stimtrial.randomization.RandomizationViews.ListEntry;
import org.stimtrial.randomization.RandomizationViews.Randomized;
import org.stimtrial.randomization.RandomizationViews.SchemeView;
import org.stimtrial.randomization.RandomizationViews.UnblindedAllocation;
import org.stimtrial.randomization.SchemeSetup;
import org.stimtrial.randomization.SchemeSetup.Factor;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;

/**
 * Randomization against a real database: scheme configuration, list order, eligibility, stratum validation,
 * exhaustion alerts that survive the failed randomization, minimization, and 50 concurrent randomizations that never
 * use an entry twice. Run on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RandomizationContract {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final Actor COORDINATOR = Actor.of("coordinator", Source.API);
    static final Actor DSMB = Actor.of("dsmb", Source.API);
    private static final String SEED = "unit-test-seed-0123456789";

    private Database db;
    private TestClock clock;
    private SubjectService subjects;
    private RandomizationService randomization;

    abstract DataSource dataSource() throws Exception;

    @BeforeAll
    void setUp() throws Exception {
        db = new Database(dataSource());
        clock = new TestClock(TODAY.atTime(20, 0).toInstant(ZoneOffset.UTC));
        subjects = new SubjectService(db.em(), clock);
        randomization = new RandomizationService(db.em(), clock, alertsInOwnTransaction());
        DemoLoader loader = new DemoLoader(db.em(), clock, subjects, new VisitService(db.em(), clock),
                new UrineScreenService(db.em(), clock), new AdverseEventService(db.em(), clock));
        StudySpec demo = DemoStudyGenerator.studySpec();
        for (String code : List.of("BLK", "MIN", "RACE", "EXH", "ELG")) {
            db.run(() -> loader.createStudy(new StudySpec(code, demo.title(), demo.protocolVersion(), demo.arms(),
                    demo.sites(), demo.schedule())));
        }
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    /** As the container's alert bean: a transaction of its own, so the alert outlives the failed randomization. */
    private AlertSink alertsInOwnTransaction() {
        return (study, kind, stratum, message, by) -> {
            EntityManager em = db.newEntityManager();
            try {
                em.getTransaction().begin();
                new RandomizationAlerts(em, clock).raise(study, kind, stratum, message, by);
                em.getTransaction().commit();
            } finally {
                em.close();
            }
        };
    }

    private String eligible(String study, String number, String site) {
        db.tx(() -> subjects.screen(study, new ScreeningEntry(number, site, Sex.M, 1990, TODAY.minusDays(10)),
                COORDINATOR));
        db.tx(() -> subjects.changeStatus(study, number, SubjectStatus.ELIGIBLE, TODAY, null, COORDINATOR));
        return number;
    }

    private static SchemeSetup.Blocks blocks(int perStratum) {
        return new SchemeSetup.Blocks(List.of(new Factor("site", List.of()), new Factor("severity",
                List.of("low", "high"))), List.of(1, 2), perStratum, Optional.of(SEED));
    }

    @Test
    void aBlockListIsGeneratedFromTheSeedAndUsedInOrderWithKitsOnly() throws Exception {
        SchemeView scheme = db.tx(() -> randomization.configure("BLK", blocks(20), DSMB));
        assertEquals(List.of("site", "severity"), scheme.factors());
        assertEquals(List.of(5, 10), scheme.blockSizes());
        assertEquals(10, scheme.strata());
        assertTrue(scheme.entries() >= 200, "whole blocks of at least 20 per stratum");
        assertEquals(SEED, scheme.seed());
        assertEquals(null, randomization.scheme("BLK").seed(), "the seed is never stored");
        assertThrows(ConflictException.class, () -> db.tx(() -> randomization.configure("BLK", blocks(5), DSMB)));

        List<ListEntry> stratum = randomization.allocationList("BLK").stream()
                .filter(e -> e.stratum().equals("site=S01;severity=high")).toList();
        List<String> kits = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String number = eligible("BLK", "S01-01" + i, "S01");
            Randomized r = db.tx(() -> randomization.randomize("BLK", number, Map.of("severity", "high"), null,
                    COORDINATOR));
            assertEquals("site=S01;severity=high", r.stratum());
            kits.add(r.kitNumber());
            assertEquals(SubjectStatus.RANDOMIZED.name(), subjects.get("BLK", number).status());
        }
        assertEquals(stratum.subList(0, 3).stream().map(ListEntry::kitNumber).toList(), kits, "list order is kept");
        List<UnblindedAllocation> allocations = randomization.allocations("BLK");
        assertEquals(stratum.subList(0, 3).stream().map(ListEntry::arm).toList(),
                allocations.stream().map(UnblindedAllocation::arm).toList());
        String audit = db.em().createQuery("SELECT r.newValue FROM AuditRecord r WHERE r.entityType = 'Allocation'",
                String.class).getResultList().toString();
        for (ListEntry e : stratum.subList(0, 3)) {
            assertFalse(audit.contains(e.arm()), "the audit trail never holds the arm: " + audit);
        }
        assertTrue(chainIntact());
    }

    private boolean chainIntact() throws Exception {
        try (var c = db.dataSource().getConnection()) {
            return new AuditChainVerifier().verify(c).isIntact();
        }
    }

    @Test
    void randomizingNeedsConfirmedEligibilityAndValidStratumValues() {
        db.tx(() -> randomization.configure("ELG", blocks(1), DSMB));
        String screened = "S02-0001";
        db.tx(() -> subjects.screen("ELG", new ScreeningEntry(screened, "S02", Sex.F, 1980, TODAY.minusDays(3)),
                COORDINATOR));
        ConflictException notEligible = assertThrows(ConflictException.class, () -> db.tx(() ->
                randomization.randomize("ELG", screened, Map.of("severity", "low"), null, COORDINATOR)));
        assertEquals("not-eligible", notEligible.kind());
        String number = eligible("ELG", "S02-0002", "S02");
        ValidationFailedException missing = assertThrows(ValidationFailedException.class, () -> db.tx(() ->
                randomization.randomize("ELG", number, Map.of(), null, COORDINATOR)));
        assertEquals("strata.severity", missing.errors().get(0).field());
        ValidationFailedException bad = assertThrows(ValidationFailedException.class, () -> db.tx(() ->
                randomization.randomize("ELG", number, Map.of("severity", "extreme", "site", "S01"), null,
                        COORDINATOR)));
        assertEquals(Set.of("strata.severity", "strata.site"), bad.errors().stream().map(e -> e.field())
                .collect(Collectors.toSet()));
    }

    @Test
    void anExhaustedStratumIsRefusedAndTheUnblindedStatisticianIsAlerted() {
        SchemeView scheme = db.tx(() -> randomization.configure("EXH", blocks(1), DSMB));
        long inStratum = randomization.allocationList("EXH").stream()
                .filter(e -> e.stratum().equals("site=S05;severity=low")).count();
        assertTrue(inStratum == 5 || inStratum == 10, "one block: " + inStratum);
        for (int i = 0; i < inStratum; i++) {
            String number = eligible("EXH", String.format("S05-%04d", i), "S05");
            db.tx(() -> randomization.randomize("EXH", number, Map.of("severity", "low"), null, COORDINATOR));
        }
        String last = eligible("EXH", "S05-0999", "S05");
        ConflictException e = assertThrows(ConflictException.class, () -> db.tx(() ->
                randomization.randomize("EXH", last, Map.of("severity", "low"), null, COORDINATOR)));
        assertEquals("stratum-exhausted", e.kind());
        assertTrue(e.getMessage().contains("site=S05;severity=low"), e.getMessage());
        assertEquals(SubjectStatus.ELIGIBLE.name(), subjects.get("EXH", last).status(), "nothing was written");
        assertEquals(1, randomization.alerts("EXH").size(), "the alert survived the rollback");
        assertEquals("stratum-exhausted", randomization.alerts("EXH").get(0).kind());
        assertEquals(inStratum, randomization.scheme("EXH").used());
        assertTrue(scheme.entries() >= 10);
    }

    @Test
    void minimizationBalancesFactorsAndDispensesKitsOfTheChosenArm() {
        SchemeSetup.Minimize setup = new SchemeSetup.Minimize(List.of(new Factor("site", List.of()),
                new Factor("severity", List.of("low", "high"))), Map.of("site", 1.0, "severity", 1.0), 0.8, 30,
                Optional.empty());
        SchemeView scheme = db.tx(() -> randomization.configure("MIN", setup, DSMB));
        int[] draw = {0};
        RandomizationService reproducible = new RandomizationService(db.em(), clock, alertsInOwnTransaction(),
                () -> ("minimization key number " + draw[0]++).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(64, scheme.seed().length(), "a generated 256-bit seed, shown once");
        assertEquals(150, scheme.entries());
        for (int i = 0; i < 40; i++) {
            String number = eligible("MIN", String.format("S03-%04d", i), "S03");
            String severity = i % 3 == 0 ? "high" : "low";
            db.tx(() -> reproducible.randomize("MIN", number, Map.of("severity", severity), null, COORDINATOR));
        }
        Map<String, Long> perArm = randomization.allocations("MIN").stream()
                .collect(Collectors.groupingBy(UnblindedAllocation::arm, Collectors.counting()));
        assertEquals(5, perArm.size());
        long max = perArm.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = perArm.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertTrue(max - min <= 3, "40 participants at one site stay balanced: " + perArm);
        db.em().clear();
        assertEquals(40, randomization.scheme("MIN").used());
    }

    @Test
    void fiftyConcurrentRandomizationsNeverUseAnEntryTwiceAndKeepListOrder() throws Exception {
        db.tx(() -> randomization.configure("RACE", blocks(60), DSMB));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            numbers.add(eligible("RACE", String.format("S04-%04d", i), "S04"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Randomized>> futures = new ArrayList<>();
        for (String number : numbers) {
            Callable<Randomized> call = () -> {
                EntityManager em = db.newEntityManager();
                try {
                    em.getTransaction().begin();
                    Randomized r = new RandomizationService(em, clock, alertsInOwnTransaction())
                            .randomize("RACE", number, Map.of("severity", "low"), null, COORDINATOR);
                    em.getTransaction().commit();
                    return r;
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            };
            futures.add(pool.submit(call));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "50 randomizations finish");
        Set<String> kits = new HashSet<>();
        for (Future<Randomized> f : futures) {
            assertTrue(kits.add(f.get().kitNumber()), "kit used twice");
        }
        List<ListEntry> stratum = randomization.allocationList("RACE").stream()
                .filter(e -> e.stratum().equals("site=S04;severity=low")).toList();
        assertEquals(stratum.subList(0, 50).stream().map(ListEntry::kitNumber).collect(Collectors.toSet()), kits,
                "exactly the first 50 entries were used");
        assertTrue(stratum.subList(50, stratum.size()).stream().allMatch(e -> e.usedBy() == null));
        db.em().clear();
        assertEquals(50, randomization.scheme("RACE").used());
        assertTrue(chainIntact());
    }
}
