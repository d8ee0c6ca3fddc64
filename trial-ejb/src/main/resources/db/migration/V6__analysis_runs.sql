-- Interim and final analysis runs: the frozen snapshot (canonical text and its SHA-256), the group-sequential plan,
-- progress while the models run, and the stored results with the engine version. A run row is never deleted;
-- a rerun is a new row that names the run it repeats.
CREATE TABLE analysis_run (
    id              BIGINT       PRIMARY KEY,
    study_id        BIGINT       NOT NULL REFERENCES study(id),
    cutoff          DATE         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    requested_by    VARCHAR(64)  NOT NULL,
    requested_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP(6) WITH TIME ZONE,
    finished_at     TIMESTAMP(6) WITH TIME ZONE,
    rerun_of        BIGINT       REFERENCES analysis_run(id),
    spending        VARCHAR(32)  NOT NULL,
    alpha           NUMERIC(6, 5) NOT NULL,
    sides           INTEGER      NOT NULL CHECK (sides IN (1, 2)),
    fractions       VARCHAR(200) NOT NULL,
    snapshot_hash   VARCHAR(64)  NOT NULL,
    snapshot        BYTEA        NOT NULL,
    progress_done   INTEGER      NOT NULL,
    progress_total  INTEGER      NOT NULL,
    progress_step   VARCHAR      NOT NULL,
    engine_version  VARCHAR(64),
    results_hash    VARCHAR(64),
    results         BYTEA,
    failure         VARCHAR,
    version         BIGINT       NOT NULL
);
CREATE INDEX ix_analysis_run_study ON analysis_run(study_id);
