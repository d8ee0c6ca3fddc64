package org.stimtrial.randomization;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.RecordState;
import org.stimtrial.randomization.RandomizationViews.AlertView;
import org.stimtrial.randomization.RandomizationViews.ListEntry;
import org.stimtrial.randomization.RandomizationViews.Randomized;
import org.stimtrial.randomization.RandomizationViews.SchemeView;
import org.stimtrial.randomization.RandomizationViews.UnblindedAllocation;
import org.stimtrial.randomization.RandomizationViews.Unblinded;
import org.stimtrial.randomization.RandomizationViews.UnblindingView;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.Arm;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.subject.Subjects;

/**
 * Randomizing participants and everything that reveals arms. Randomizations of a study are serialized by a write
 * lock on its scheme row, so under concurrent requests no list entry or kit is used twice and list order is kept.
 * Only the methods documented as unblinded return arms; the API lets only the unblinded role call them.
 */
@Stateless
public class RandomizationService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;
    @EJB
    private RandomizationAlerts containerAlerts;
    private AlertSink alerts;
    private Supplier<byte[]> minimizationKeys = RandomizationService::freshKey;

    public RandomizationService() {
    }

    public RandomizationService(EntityManager em, Clock clock, AlertSink alerts) {
        this.em = em;
        this.clock = clock;
        this.alerts = alerts;
    }

    /** With a given source of minimization keys (tests make the random element reproducible this way). */
    public RandomizationService(EntityManager em, Clock clock, AlertSink alerts, Supplier<byte[]> minimizationKeys) {
        this(em, clock, alerts);
        this.minimizationKeys = minimizationKeys;
    }

    private AlertSink alerts() {
        return alerts != null ? alerts : containerAlerts;
    }

    /** Unblinded: configures the study's scheme and generates its list or kits; the response holds the seed once. */
    public SchemeView configure(String protocolCode, SchemeSetup setup, Actor actor) {
        Study study = Studies.require(new JpaStudyRepository(em), protocolCode);
        SchemeConfigurator.Created created = new SchemeConfigurator(em, clock).configure(study, setup, actor);
        em.flush();
        new AuditTrail(em, clock).inserted(actor, null, "RandomizationScheme", Long.toString(created.scheme().id()),
                null, RecordState.fields("method", created.scheme().method().name(), "factors",
                        String.join(",", created.scheme().factors()), "seedDigest", created.scheme().seedDigest()));
        return view(created.scheme(), created.seed());
    }

    /** Unblinded: the scheme (without the seed). */
    public SchemeView scheme(String protocolCode) {
        return view(requireScheme(study(protocolCode), LockModeType.NONE), null);
    }

    /**
     * Randomizes an ELIGIBLE participant: the stratum comes from the participant's site and the given factor levels.
     * Returns the kit number only.
     */
    public Randomized randomize(String protocolCode, String screeningNumber, Map<String, String> given,
                                LocalDate date, Actor actor) {
        Study study = study(protocolCode);
        RandomizationScheme scheme = requireScheme(study, LockModeType.PESSIMISTIC_WRITE);
        Subject subject = Subjects.require(em, protocolCode, screeningNumber);
        if (subject.status() == SubjectStatus.RANDOMIZED || em.createQuery(
                "SELECT COUNT(a) FROM Allocation a WHERE a.subject = :s", Long.class).setParameter("s", subject)
                .getSingleResult() > 0) {
            throw new ConflictException("already-randomized", "Subject " + screeningNumber
                    + " is already randomized");
        }
        if (subject.status() != SubjectStatus.ELIGIBLE) {
            throw new ConflictException("not-eligible", "Subject " + screeningNumber + " is " + subject.status()
                    + "; only participants whose eligibility is confirmed (ELIGIBLE) can be randomized");
        }
        Map<String, String> levels = levels(scheme, subject, given);
        String stratum = Strata.key(levels, scheme.factors());
        Arm arm;
        String kit;
        if (scheme.method() == SchemeMethod.PERMUTED_BLOCKS) {
            List<AllocationSlot> free = em.createQuery("SELECT s FROM AllocationSlot s WHERE s.scheme = :sc AND"
                    + " s.stratum = :st AND s.subject IS NULL ORDER BY s.sequence", AllocationSlot.class)
                    .setParameter("sc", scheme).setParameter("st", stratum).setMaxResults(1).getResultList();
            if (free.isEmpty()) {
                throw exhausted(protocolCode, "stratum-exhausted", stratum, actor, "No allocation is left in stratum "
                        + stratum + "; the unblinded statistician has been alerted to extend the list");
            }
            free.get(0).useFor(subject);
            arm = free.get(0).arm();
            kit = free.get(0).kitNumber();
        } else {
            Minimization.Decision d = new Minimization(shares(study), scheme.factorWeights(), scheme.probability())
                    .choose(levels, counts(study, scheme), new AllocationRandom(minimizationKeys.get(), "minimization"));
            arm = new JpaStudyRepository(em).arms(study).stream().filter(a -> a.code().equals(d.arm())).findFirst()
                    .orElseThrow();
            List<Kit> kits = em.createQuery("SELECT k FROM Kit k WHERE k.scheme = :sc AND k.arm = :arm AND"
                    + " k.subject IS NULL ORDER BY k.sequence", Kit.class).setParameter("sc", scheme)
                    .setParameter("arm", arm).setMaxResults(1).getResultList();
            if (kits.isEmpty()) {
                throw exhausted(protocolCode, "kits-exhausted", stratum, actor, "No kit is left for the arm this"
                        + " participant was allocated; the unblinded statistician has been alerted to add kits");
            }
            kits.get(0).dispenseTo(subject);
            kit = kits.get(0).kitNumber();
        }
        scheme.countAllocation();
        Allocation allocation = new Allocation(subject, arm, kit, AllocationMethod.valueOf(scheme.method().name()),
                OffsetDateTime.now(clock), stratum);
        em.persist(allocation);
        em.flush();
        new AuditTrail(em, clock).inserted(actor, null, "Allocation", Long.toString(allocation.id()), subject.id(),
                RecordState.fields("kitNumber", kit, "method", allocation.method().name(), "stratum", stratum));
        LocalDate on = date != null ? date : LocalDate.now(clock.withZone(subject.site().timeZone()));
        new SubjectService(em, clock).randomized(protocolCode, screeningNumber, on, actor);
        return new Randomized(screeningNumber, kit, on, stratum);
    }

    private ConflictException exhausted(String protocolCode, String kind, String stratum, Actor actor,
                                        String message) {
        alerts().raise(protocolCode, kind, stratum, message, actor.username());
        return new ConflictException(kind, message);
    }

    private Map<String, String> levels(RandomizationScheme scheme, Subject subject, Map<String, String> given) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> levels = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (!scheme.factors().contains(key) || key.equals(SchemeSetup.Factor.SITE)) {
                errors.add(new FieldError("strata." + key, "is not a factor of this scheme (factors: "
                        + scheme.factors() + "; site comes from the participant)"));
            }
        }
        for (String factor : scheme.factors()) {
            if (factor.equals(SchemeSetup.Factor.SITE)) {
                levels.put(factor, subject.site().code());
            } else if (!given.containsKey(factor) || given.get(factor) == null) {
                errors.add(new FieldError("strata." + factor, "is required (one of " + scheme.levels(factor) + ")"));
            } else if (!scheme.levels(factor).contains(given.get(factor))) {
                errors.add(new FieldError("strata." + factor, "must be one of " + scheme.levels(factor)));
            } else {
                levels.put(factor, given.get(factor));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return levels;
    }

    private List<ArmShare> shares(Study study) {
        return new JpaStudyRepository(em).arms(study).stream()
                .map(a -> new ArmShare(a.code(), a.allocationWeight())).toList();
    }

    /** Counts of earlier minimization allocations by factor, level and arm, from their recorded strata. */
    private Minimization.Counts counts(Study study, RandomizationScheme scheme) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.stratum, a.arm.code FROM Allocation a WHERE"
                + " a.subject.study = :st AND a.method = :m", Object[].class).setParameter("st", study)
                .setParameter("m", AllocationMethod.MINIMIZATION).getResultList()) {
            for (String pair : ((String) row[0]).split(";")) {
                counts.merge(pair + "/" + row[1], 1, Integer::sum);
            }
        }
        return (factor, level, arm) -> counts.getOrDefault(factor + "=" + level + "/" + arm, 0);
    }

    private static byte[] freshKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * Emergency unblinding of one participant by an investigator (whose password the caller has re-checked): the
     * event and the reason are recorded and audited; the arm is returned to this caller only.
     */
    public Unblinded emergencyUnblind(String protocolCode, String screeningNumber, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailedException("reason", "is required for an emergency unblinding");
        }
        Subject subject = Subjects.require(em, protocolCode, screeningNumber);
        Allocation allocation = em.createQuery("SELECT a FROM Allocation a WHERE a.subject = :s", Allocation.class)
                .setParameter("s", subject).getResultStream().findFirst().orElseThrow(() -> new ConflictException(
                        "not-randomized", "Subject " + screeningNumber + " is not randomized: there is no arm"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        UnblindingEvent event = new UnblindingEvent(subject, actor.username(), reason.strip(), now);
        em.persist(event);
        em.flush();
        new AuditTrail(em, clock).inserted(actor, reason.strip(), "UnblindingEvent", Long.toString(event.id()),
                subject.id(), RecordState.fields("kitNumber", allocation.kitNumber(), "unblindedBy",
                        actor.username()));
        Arm arm = allocation.arm();
        return new Unblinded(screeningNumber, allocation.kitNumber(), arm.code(), arm.name(), arm.drug(), arm.dose(),
                now);
    }

    /** The report of emergency unblindings, without arms. */
    public List<UnblindingView> unblindings(String protocolCode) {
        return em.createQuery("SELECT e FROM UnblindingEvent e WHERE e.subject.study = :st ORDER BY e.unblindedAt",
                UnblindingEvent.class).setParameter("st", study(protocolCode)).getResultList().stream()
                .map(e -> new UnblindingView(e.subject().screeningNumber().value(), e.subject().site().code(),
                        e.username(), e.reason(), e.unblindedAt())).toList();
    }

    /**
     * Blinded: the kit dispensed to a participant and the stratum, as the site was told at randomization; absent
     * until the participant is randomized. Never the arm.
     */
    public Optional<Randomized> kit(String protocolCode, String screeningNumber) {
        Subject subject = Subjects.require(em, protocolCode, screeningNumber);
        return em.createQuery("SELECT a FROM Allocation a WHERE a.subject = :s", Allocation.class)
                .setParameter("s", subject).getResultStream().findFirst()
                .map(a -> new Randomized(screeningNumber, a.kitNumber(),
                        a.allocatedAt().atZoneSameInstant(subject.site().timeZone()).toLocalDate(),
                        a.stratum().orElse("")));
    }

    /**
     * Blinded: the stratification factors a site gives when it randomizes (every factor but the site, which comes
     * from the participant) with their levels, in the scheme's order.
     */
    public Map<String, List<String>> siteFactors(String protocolCode) {
        RandomizationScheme scheme = requireScheme(study(protocolCode), LockModeType.NONE);
        Map<String, List<String>> factors = new LinkedHashMap<>();
        for (String factor : scheme.factors()) {
            if (!factor.equals(SchemeSetup.Factor.SITE)) {
                factors.put(factor, List.copyOf(scheme.levels(factor)));
            }
        }
        return factors;
    }

    /** Unblinded: every allocation with its arm. */
    public List<UnblindedAllocation> allocations(String protocolCode) {
        return em.createQuery("SELECT a FROM Allocation a WHERE a.subject.study = :st ORDER BY a.allocatedAt, a.id",
                Allocation.class).setParameter("st", study(protocolCode)).getResultList().stream()
                .map(a -> new UnblindedAllocation(a.subject().screeningNumber().value(), a.subject().site().code(),
                        a.kitNumber(), a.arm().code(), a.method().name(), a.stratum().orElse(null),
                        a.allocatedAt())).toList();
    }

    /** Unblinded: the permuted-block list, entry by entry. */
    public List<ListEntry> allocationList(String protocolCode) {
        RandomizationScheme scheme = requireScheme(study(protocolCode), LockModeType.NONE);
        return em.createQuery("SELECT s FROM AllocationSlot s WHERE s.scheme = :sc ORDER BY s.stratum, s.sequence",
                AllocationSlot.class).setParameter("sc", scheme).getResultList().stream()
                .map(s -> new ListEntry(s.stratum(), s.sequence(), s.block(), s.blockSize(), s.arm().code(),
                        s.kitNumber(), s.subject().map(x -> x.screeningNumber().value()).orElse(null))).toList();
    }

    /** Unblinded: alerts about exhausted strata and kits. */
    public List<AlertView> alerts(String protocolCode) {
        return em.createQuery("SELECT a FROM RandomizationAlert a WHERE a.study = :st ORDER BY a.raisedAt DESC",
                RandomizationAlert.class).setParameter("st", study(protocolCode)).getResultList().stream()
                .map(a -> new AlertView(a.kind(), a.stratum(), a.message(), a.raisedBy(), a.raisedAt())).toList();
    }

    private Study study(String protocolCode) {
        return Studies.require(new JpaStudyRepository(em), protocolCode);
    }

    private RandomizationScheme requireScheme(Study study, LockModeType lock) {
        return em.createQuery("SELECT s FROM RandomizationScheme s WHERE s.study = :st", RandomizationScheme.class)
                .setParameter("st", study).setLockMode(lock).getResultStream().findFirst()
                .orElseThrow(() -> new ConflictException("no-scheme", "Study " + study.protocolCode()
                        + " has no randomization scheme yet: the unblinded statistician configures it"));
    }

    private SchemeView view(RandomizationScheme s, String seed) {
        long entries = s.method() == SchemeMethod.PERMUTED_BLOCKS
                ? em.createQuery("SELECT COUNT(x) FROM AllocationSlot x WHERE x.scheme = :s", Long.class)
                        .setParameter("s", s).getSingleResult()
                : em.createQuery("SELECT COUNT(x) FROM Kit x WHERE x.scheme = :s", Long.class).setParameter("s", s)
                        .getSingleResult();
        long strata = s.method() == SchemeMethod.PERMUTED_BLOCKS
                ? em.createQuery("SELECT COUNT(DISTINCT x.stratum) FROM AllocationSlot x WHERE x.scheme = :s",
                        Long.class).setParameter("s", s).getSingleResult() : 0;
        int total = shares(s.study()).stream().mapToInt(ArmShare::weight).sum();
        return new SchemeView(s.method().name(), s.factors(), s.blockMultiples().stream().map(m -> m * total).toList(),
                s.factorWeights(), s.method() == SchemeMethod.MINIMIZATION ? s.probability() : null, (int) strata,
                (int) entries, s.allocations(), s.seedDigest(), seed, s.createdBy(), s.createdAt());
    }
}
