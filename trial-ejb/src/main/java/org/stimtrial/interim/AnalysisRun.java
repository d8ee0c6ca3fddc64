package org.stimtrial.interim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.interim.ResultsCodec;
import org.stimtrial.analysis.snapshot.SnapshotCodec;
import org.stimtrial.analysis.snapshot.TrialSnapshot;
import org.stimtrial.analysis.sequential.BoundaryTable;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.study.Study;

/**
 * One analysis run. The snapshot bytes and their hash are fixed when the run is created; the status moves
 * QUEUED -> RUNNING -> COMPLETED or FAILED, and the results are written once, with the engine version.
 */
@Entity
@Table(name = "analysis_run")
public class AnalysisRun extends BaseEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_id")
    private Study study;
    @Column(nullable = false)
    private LocalDate cutoff;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunStatus status;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;
    @Column(name = "rerun_of")
    private Long rerunOf;
    @Column(nullable = false)
    private String spending;
    @Column(nullable = false)
    private BigDecimal alpha;
    @Column(nullable = false)
    private int sides;
    @Column(nullable = false)
    private String fractions;
    @Column(name = "snapshot_hash", nullable = false)
    private String snapshotHash;
    @Column(nullable = false)
    private byte[] snapshot;
    @Column(name = "progress_done", nullable = false)
    private int progressDone;
    @Column(name = "progress_total", nullable = false)
    private int progressTotal;
    @Column(name = "progress_step", nullable = false)
    private String progressStep;
    @Column(name = "engine_version")
    private String engineVersion;
    @Column(name = "results_hash")
    private String resultsHash;
    private byte[] results;
    private String failure;
    @Version
    private long version;

    protected AnalysisRun() {
    }

    AnalysisRun(Study study, TrialSnapshot frozen, MonitoringPlan plan, String requestedBy,
                OffsetDateTime requestedAt, Optional<Long> rerunOf) {
        this.study = study;
        this.cutoff = frozen.cutoff();
        this.snapshot = SnapshotCodec.encode(frozen);
        this.snapshotHash = SnapshotCodec.sha256(snapshot);
        this.spending = plan.spending();
        this.alpha = BigDecimal.valueOf(plan.alpha());
        this.sides = plan.sides();
        this.fractions = plan.fractionsText();
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.rerunOf = rerunOf.orElse(null);
        this.status = RunStatus.QUEUED;
        this.progressTotal = 0;
        this.progressStep = "queued";
    }

    void started(OffsetDateTime at) {
        if (status != RunStatus.QUEUED && status != RunStatus.RUNNING) {
            throw new IllegalStateException("run " + id() + " is " + status + " and cannot start");
        }
        status = RunStatus.RUNNING;
        startedAt = at;
    }

    void progress(int done, int total, String step) {
        progressDone = done;
        progressTotal = total;
        progressStep = step;
    }

    void completed(InterimResults r, OffsetDateTime at) {
        results = ResultsCodec.encode(r);
        resultsHash = SnapshotCodec.sha256(results);
        engineVersion = r.engineVersion();
        status = RunStatus.COMPLETED;
        progressDone = progressTotal;
        progressStep = "completed";
        finishedAt = at;
    }

    void failed(String reason, OffsetDateTime at) {
        status = RunStatus.FAILED;
        failure = reason;
        progressStep = "failed";
        finishedAt = at;
    }

    public Study study() {
        return study;
    }

    public LocalDate cutoff() {
        return cutoff;
    }

    public RunStatus status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public Optional<OffsetDateTime> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<OffsetDateTime> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Optional<Long> rerunOf() {
        return Optional.ofNullable(rerunOf);
    }

    /** The plan as stored (it was checked when the run was created). */
    public MonitoringPlan plan() {
        return new MonitoringPlan(spending, alpha.doubleValue(), sides,
                java.util.Arrays.stream(fractions.split(",")).map(Double::valueOf).toList());
    }

    public String snapshotHash() {
        return snapshotHash;
    }

    /** The frozen snapshot, read back from its stored bytes (the bytes are checked against the hash). */
    public TrialSnapshot snapshot() {
        if (!SnapshotCodec.sha256(snapshot).equals(snapshotHash)) {
            throw new IllegalStateException("run " + id() + ": the stored snapshot no longer matches its hash");
        }
        return SnapshotCodec.decode(snapshot);
    }

    public int progressDone() {
        return progressDone;
    }

    public int progressTotal() {
        return progressTotal;
    }

    public String progressStep() {
        return progressStep;
    }

    public Optional<String> engineVersion() {
        return Optional.ofNullable(engineVersion);
    }

    public Optional<String> resultsHash() {
        return Optional.ofNullable(resultsHash);
    }

    public Optional<InterimResults> results() {
        return Optional.ofNullable(results).map(ResultsCodec::decode);
    }

    /** The stored result bytes (empty until completed), for byte-for-byte comparison of reruns. */
    public byte[] resultBytes() {
        return results == null ? new byte[0] : Arrays.copyOf(results, results.length);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public BoundaryTable boundaries() {
        return plan().boundaries();
    }
}
