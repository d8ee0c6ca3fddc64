-- Imports: every file or message is stored as received before anything else happens; each record of it is
-- accepted, quarantined (with its reason), recognised as a duplicate, or raises a query on a conflict.

CREATE TABLE import_batch (
    id                BIGINT       PRIMARY KEY,
    study_id          BIGINT       NOT NULL REFERENCES study(id),
    channel           VARCHAR(16)  NOT NULL,
    format            VARCHAR(32)  NOT NULL,
    site_code         VARCHAR(40),
    file_name         VARCHAR(255) NOT NULL,
    checksum          VARCHAR(64)  NOT NULL,
    size_bytes        BIGINT       NOT NULL,
    received_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    received_by       VARCHAR(64)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    rejection_reason  VARCHAR,
    processed_at      TIMESTAMP(6) WITH TIME ZONE,
    records_received  INTEGER      NOT NULL,
    records_accepted  INTEGER      NOT NULL,
    records_quarantined INTEGER    NOT NULL,
    records_duplicate INTEGER      NOT NULL,
    records_conflict  INTEGER      NOT NULL,
    CONSTRAINT uq_import_checksum UNIQUE (study_id, format, checksum)
);
CREATE INDEX ix_import_batch_status ON import_batch(status);

CREATE TABLE import_payload (
    batch_id  BIGINT PRIMARY KEY REFERENCES import_batch(id),
    content   BYTEA  NOT NULL
);

CREATE TABLE import_record (
    id            BIGINT       PRIMARY KEY,
    batch_id      BIGINT       NOT NULL REFERENCES import_batch(id),
    record_no     INTEGER      NOT NULL,
    raw           VARCHAR      NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    reason        VARCHAR,
    subject_number VARCHAR(40),
    query_id      BIGINT       REFERENCES data_query(id),
    corrected_raw VARCHAR,
    resolved_by   VARCHAR(64),
    resolved_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uq_import_record UNIQUE (batch_id, record_no)
);
CREATE INDEX ix_import_record_status ON import_record(status);
