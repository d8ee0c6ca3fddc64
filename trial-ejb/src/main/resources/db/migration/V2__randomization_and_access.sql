-- Randomization schemes, allocation lists, kits, alerts, emergency unblinding, site assignments, login security.

CREATE TABLE randomization_scheme (
    id                 BIGINT       PRIMARY KEY,
    study_id           BIGINT       NOT NULL UNIQUE REFERENCES study(id),
    method             VARCHAR(32)  NOT NULL,
    factors            VARCHAR      NOT NULL,
    block_multiples    VARCHAR,
    factor_weights     VARCHAR,
    probability        DOUBLE PRECISION,
    seed_digest        VARCHAR(64)  NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    allocations        INTEGER      NOT NULL
);

-- One row per entry of a stratum's permuted-block list; subject_id is set when the entry is used.
CREATE TABLE allocation_slot (
    id          BIGINT       PRIMARY KEY,
    scheme_id   BIGINT       NOT NULL REFERENCES randomization_scheme(id),
    stratum     VARCHAR(200) NOT NULL,
    sequence    INTEGER      NOT NULL,
    block       INTEGER      NOT NULL,
    block_size  INTEGER      NOT NULL,
    arm_id      BIGINT       NOT NULL REFERENCES arm(id),
    kit_number  VARCHAR(40)  NOT NULL UNIQUE,
    subject_id  BIGINT       UNIQUE REFERENCES subject(id),
    CONSTRAINT uq_slot_sequence UNIQUE (scheme_id, stratum, sequence)
);

-- Kits of each arm for minimization, used in their sequence order.
CREATE TABLE kit (
    id          BIGINT       PRIMARY KEY,
    scheme_id   BIGINT       NOT NULL REFERENCES randomization_scheme(id),
    arm_id      BIGINT       NOT NULL REFERENCES arm(id),
    sequence    INTEGER      NOT NULL,
    kit_number  VARCHAR(40)  NOT NULL UNIQUE,
    subject_id  BIGINT       UNIQUE REFERENCES subject(id),
    CONSTRAINT uq_kit_sequence UNIQUE (scheme_id, arm_id, sequence)
);

ALTER TABLE allocation ADD COLUMN stratum VARCHAR(200);

CREATE TABLE randomization_alert (
    id          BIGINT       PRIMARY KEY,
    study_id    BIGINT       NOT NULL REFERENCES study(id),
    kind        VARCHAR(40)  NOT NULL,
    stratum     VARCHAR(200) NOT NULL,
    message     VARCHAR      NOT NULL,
    raised_by   VARCHAR(64)  NOT NULL,
    raised_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE unblinding_event (
    id           BIGINT       PRIMARY KEY,
    subject_id   BIGINT       NOT NULL REFERENCES subject(id),
    username     VARCHAR(64)  NOT NULL,
    reason       VARCHAR      NOT NULL,
    unblinded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE app_user_site (
    username VARCHAR(64) NOT NULL REFERENCES app_user(username),
    site_id  BIGINT      NOT NULL REFERENCES site(id),
    PRIMARY KEY (username, site_id)
);

ALTER TABLE app_user ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN locked_until TIMESTAMP(6) WITH TIME ZONE;
