-- StimTrial schema, version 1. Portable between H2 2.x and PostgreSQL 13+.
-- Surrogate keys come from sequences (IDENTITY does not work with H2 2.x + EclipseLink 4).
-- Free text uses VARCHAR without a length, so no value is ever truncated.

CREATE SEQUENCE entity_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE study (
    id               BIGINT       PRIMARY KEY,
    protocol_code    VARCHAR(40)  NOT NULL UNIQUE,
    title            VARCHAR      NOT NULL,
    protocol_version VARCHAR(40)  NOT NULL
);

CREATE TABLE arm (
    id                BIGINT      PRIMARY KEY,
    study_id          BIGINT      NOT NULL REFERENCES study(id),
    code              VARCHAR(40) NOT NULL,
    name              VARCHAR     NOT NULL,
    drug              VARCHAR     NOT NULL,
    dose              VARCHAR     NOT NULL,
    allocation_weight INTEGER     NOT NULL CHECK (allocation_weight > 0),
    placebo           BOOLEAN     NOT NULL,
    CONSTRAINT uq_arm_code UNIQUE (study_id, code)
);

CREATE TABLE site (
    id        BIGINT      PRIMARY KEY,
    study_id  BIGINT      NOT NULL REFERENCES study(id),
    code      VARCHAR(40) NOT NULL,
    name      VARCHAR     NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    active    BOOLEAN     NOT NULL,
    CONSTRAINT uq_site_code UNIQUE (study_id, code)
);

CREATE TABLE visit_definition (
    id                BIGINT      PRIMARY KEY,
    study_id          BIGINT      NOT NULL REFERENCES study(id),
    code              VARCHAR(40) NOT NULL,
    name              VARCHAR     NOT NULL,
    ordinal           INTEGER     NOT NULL,
    week              INTEGER,
    target_day        INTEGER     NOT NULL,
    window_before     INTEGER     NOT NULL CHECK (window_before >= 0),
    window_after      INTEGER     NOT NULL CHECK (window_after >= 0),
    urine_screens     INTEGER     NOT NULL CHECK (urine_screens >= 0),
    expected_forms    VARCHAR     NOT NULL,
    CONSTRAINT uq_visit_definition UNIQUE (study_id, code)
);

CREATE TABLE subject (
    id               BIGINT      PRIMARY KEY,
    study_id         BIGINT      NOT NULL REFERENCES study(id),
    site_id          BIGINT      NOT NULL REFERENCES site(id),
    screening_number VARCHAR(40) NOT NULL,
    sex              VARCHAR(16) NOT NULL,
    year_of_birth    INTEGER     NOT NULL,
    consent_date     DATE        NOT NULL,
    status           VARCHAR(32) NOT NULL,
    status_date      DATE        NOT NULL,
    status_reason    VARCHAR,
    version          BIGINT      NOT NULL,
    CONSTRAINT uq_subject_screening UNIQUE (study_id, screening_number)
);
CREATE INDEX ix_subject_site ON subject(site_id);

-- Arm assignment. Rows written by the demo generator carry method DEMO_ONLY; real randomization
-- (stratified blocks, minimization) will write its own method. Never exposed to blinded roles.
CREATE TABLE allocation (
    id            BIGINT      PRIMARY KEY,
    subject_id    BIGINT      NOT NULL UNIQUE REFERENCES subject(id),
    arm_id        BIGINT      NOT NULL REFERENCES arm(id),
    kit_number    VARCHAR(40) NOT NULL UNIQUE,
    method        VARCHAR(32) NOT NULL,
    allocated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE visit (
    id                  BIGINT      PRIMARY KEY,
    subject_id          BIGINT      NOT NULL REFERENCES subject(id),
    visit_definition_id BIGINT      NOT NULL REFERENCES visit_definition(id),
    visit_date          DATE,
    status              VARCHAR(16) NOT NULL,
    version             BIGINT      NOT NULL,
    CONSTRAINT uq_visit UNIQUE (subject_id, visit_definition_id)
);

CREATE TABLE craving_assessment (
    id              BIGINT      PRIMARY KEY,
    visit_id        BIGINT      NOT NULL REFERENCES visit(id),
    instrument_code VARCHAR(40) NOT NULL,
    assessed_on     DATE        NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT uq_craving_instrument UNIQUE (visit_id, instrument_code)
);

CREATE TABLE craving_item_response (
    id            BIGINT         PRIMARY KEY,
    assessment_id BIGINT         NOT NULL REFERENCES craving_assessment(id),
    item_code     VARCHAR(40)    NOT NULL,
    item_value    NUMERIC(10, 3) NOT NULL,
    CONSTRAINT uq_item_response UNIQUE (assessment_id, item_code)
);

CREATE TABLE craving_score (
    id            BIGINT         PRIMARY KEY,
    assessment_id BIGINT         NOT NULL REFERENCES craving_assessment(id),
    scale_code    VARCHAR(40)    NOT NULL,
    score         NUMERIC(12, 4) NOT NULL,
    CONSTRAINT uq_craving_score UNIQUE (assessment_id, scale_code)
);

CREATE TABLE urine_drug_screen (
    id                 BIGINT      PRIMARY KEY,
    visit_id           BIGINT      NOT NULL REFERENCES visit(id),
    specimen_id        VARCHAR(64) NOT NULL,
    collected_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    source             VARCHAR(16) NOT NULL,
    specimen_validity  VARCHAR(16) NOT NULL,
    version            BIGINT      NOT NULL,
    CONSTRAINT uq_uds_specimen UNIQUE (visit_id, specimen_id)
);

CREATE TABLE uds_analyte_result (
    id          BIGINT         PRIMARY KEY,
    screen_id   BIGINT         NOT NULL REFERENCES urine_drug_screen(id),
    loinc_code  VARCHAR(16)    NOT NULL,
    result      VARCHAR(16)    NOT NULL,
    cutoff_ng_ml NUMERIC(10, 2),
    CONSTRAINT uq_uds_analyte UNIQUE (screen_id, loinc_code)
);

CREATE TABLE adverse_event (
    id            BIGINT      PRIMARY KEY,
    subject_id    BIGINT      NOT NULL REFERENCES subject(id),
    term          VARCHAR     NOT NULL,
    onset_date    DATE        NOT NULL,
    end_date      DATE,
    severity      INTEGER     NOT NULL CHECK (severity BETWEEN 1 AND 5),
    serious       BOOLEAN     NOT NULL,
    relatedness   VARCHAR(32) NOT NULL,
    action_taken  VARCHAR(32) NOT NULL,
    outcome       VARCHAR(32) NOT NULL,
    version       BIGINT      NOT NULL
);

CREATE TABLE medication_adherence (
    id               BIGINT         PRIMARY KEY,
    visit_id         BIGINT         NOT NULL UNIQUE REFERENCES visit(id),
    units_dispensed  INTEGER        NOT NULL CHECK (units_dispensed >= 0),
    units_returned   INTEGER        NOT NULL CHECK (units_returned >= 0),
    days             INTEGER        NOT NULL CHECK (days > 0),
    units_per_day    INTEGER        NOT NULL CHECK (units_per_day > 0),
    adherence_pct    NUMERIC(7, 2)  NOT NULL,
    version          BIGINT         NOT NULL
);

CREATE TABLE data_query (
    id          BIGINT       PRIMARY KEY,
    subject_id  BIGINT       NOT NULL REFERENCES subject(id),
    item_ref    VARCHAR      NOT NULL,
    query_text  VARCHAR      NOT NULL,
    origin      VARCHAR(16)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL
);
CREATE INDEX ix_query_status ON data_query(status);

CREATE TABLE query_message (
    id          BIGINT       PRIMARY KEY,
    query_id    BIGINT       NOT NULL REFERENCES data_query(id),
    author      VARCHAR(64)  NOT NULL,
    written_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    message     VARCHAR      NOT NULL
);

-- Append-only audit trail, hash-chained (21 CFR Part 11 11.10(e)).
CREATE TABLE audit_record (
    seq          BIGINT       PRIMARY KEY,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    username     VARCHAR(64)  NOT NULL,
    source       VARCHAR(16)  NOT NULL,
    source_ref   VARCHAR,
    action       VARCHAR(8)   NOT NULL,
    entity_type  VARCHAR(64)  NOT NULL,
    entity_id    VARCHAR(64)  NOT NULL,
    subject_id   BIGINT,
    field_name   VARCHAR(128) NOT NULL,
    old_value    VARCHAR,
    new_value    VARCHAR,
    reason       VARCHAR,
    prev_hash    VARCHAR(64)  NOT NULL,
    hash         VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_audit_subject ON audit_record(subject_id);
CREATE INDEX ix_audit_entity ON audit_record(entity_type, entity_id);

-- The single row that serializes appends to the chain (locked FOR UPDATE by each writer).
CREATE TABLE audit_chain_head (
    id        INTEGER     PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE app_user (
    username      VARCHAR(64) PRIMARY KEY,
    full_name     VARCHAR     NOT NULL,
    password_hash VARCHAR     NOT NULL,
    active        BOOLEAN     NOT NULL
);

CREATE TABLE app_user_role (
    username VARCHAR(64) NOT NULL REFERENCES app_user(username),
    role     VARCHAR(32) NOT NULL,
    PRIMARY KEY (username, role)
);
