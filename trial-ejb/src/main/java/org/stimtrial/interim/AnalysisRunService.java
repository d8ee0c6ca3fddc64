package org.stimtrial.interim;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.snapshot.TrialSnapshot;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.RecordState;
import org.stimtrial.interim.RunViews.RunView;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.snapshot.JpaSnapshotSource;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;

/**
 * Starting, rerunning and reading analysis runs, and the transactional steps of executing one. Starting freezes the
 * snapshot in the caller's transaction (the data as they are at that moment) and audits the request; the models
 * then run elsewhere ({@link AnalysisRunner}). A no-interface bean ({@code @LocalBean}) that also implements
 * {@link RunSteps}, so the runner's calls go through the container and get their own transactions.
 */
@Stateless
@LocalBean
public class AnalysisRunService implements RunSteps {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public AnalysisRunService() {
    }

    public AnalysisRunService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Freezes the study's data at {@code cutoff} and queues a run; the cut-off cannot lie in the future. */
    public RunView start(String protocol, LocalDate cutoff, MonitoringPlan plan, Actor actor) {
        if (cutoff.isAfter(LocalDate.now(clock))) {
            throw new ValidationFailedException("cutoff", "the data cut-off " + cutoff + " is in the future");
        }
        Study study = Studies.require(new JpaStudyRepository(em), protocol);
        TrialSnapshot snapshot = new JpaSnapshotSource(em).freeze(protocol, cutoff);
        if (snapshot.subjects().stream().noneMatch(s -> s.randomized())) {
            throw new ValidationFailedException("cutoff", "nobody was randomized in " + protocol + " by " + cutoff);
        }
        return queue(study, snapshot, plan, actor, Optional.empty());
    }

    /** A new run of an earlier run's frozen snapshot (same bytes, same plan): its results must be identical. */
    public RunView rerun(String protocol, long runId, Actor actor) {
        AnalysisRun earlier = find(protocol, runId);
        return queue(earlier.study(), earlier.snapshot(), earlier.plan(), actor, Optional.of(runId));
    }

    private RunView queue(Study study, TrialSnapshot snapshot, MonitoringPlan plan, Actor actor,
                          Optional<Long> rerunOf) {
        AnalysisRun run = new AnalysisRun(study, snapshot, plan, actor.username(), now(), rerunOf);
        em.persist(run);
        em.flush();
        new AuditTrail(em, clock).inserted(actor, null, "AnalysisRun", Long.toString(run.id()), null,
                RecordState.fields("cutoff", snapshot.cutoff().toString(), "snapshotHash", run.snapshotHash(),
                        "monitoring", plan.spending() + " alpha " + plan.alpha() + " sides " + plan.sides()
                                + " fractions " + plan.fractionsText(), "rerunOf",
                        rerunOf.map(String::valueOf).orElse("")));
        return RunViews.of(run, false);
    }

    public List<RunView> list(String protocol, boolean unblinded) {
        Study study = Studies.require(new JpaStudyRepository(em), protocol);
        return em.createQuery("SELECT r FROM AnalysisRun r WHERE r.study = :study ORDER BY r.id DESC",
                AnalysisRun.class).setParameter("study", study).getResultList().stream()
                .map(r -> RunViews.of(r, unblinded)).toList();
    }

    public RunView view(String protocol, long runId, boolean unblinded) {
        return RunViews.of(find(protocol, runId), unblinded);
    }

    /** A run of the study; a completed one when {@code completed} (else a conflict naming its status). */
    public AnalysisRun completed(String protocol, long runId) {
        AnalysisRun run = find(protocol, runId);
        if (run.status() != RunStatus.COMPLETED) {
            throw new ConflictException("run-not-completed", "analysis run " + runId + " is " + run.status()
                    + (run.status() == RunStatus.FAILED ? ": " + run.failure().orElse("") : "; try again when it"
                    + " has completed"));
        }
        return run;
    }

    AnalysisRun find(String protocol, long runId) {
        Study study = Studies.require(new JpaStudyRepository(em), protocol);
        AnalysisRun run = em.find(AnalysisRun.class, runId);
        if (run == null || run.study().id() != study.id()) {
            throw new UnknownEntityException("analysis run", runId);
        }
        return run;
    }

    /** Runs queued or left running (a restart): executed again from their frozen snapshots. */
    public List<Long> unfinished() {
        return em.createQuery("SELECT r.id FROM AnalysisRun r WHERE r.status IN :open ORDER BY r.id", Long.class)
                .setParameter("open", List.of(RunStatus.QUEUED, RunStatus.RUNNING)).getResultList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public TrialSnapshot begin(long run) {
        AnalysisRun r = locked(run);
        r.started(now());
        return r.snapshot();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(long run, int done, int total, String step) {
        locked(run).progress(done, total, step);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void complete(long run, InterimResults results) {
        locked(run).completed(results, now());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long run, String reason) {
        locked(run).failed(reason, now());
    }

    private AnalysisRun locked(long run) {
        AnalysisRun r = em.find(AnalysisRun.class, run, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new UnknownEntityException("analysis run", run);
        }
        return r;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
