-- Login security (lockout, throttled success auditing), API bearer tokens, electronic signatures.

-- When the last successful login was written to the audit trail (HTTP Basic authenticates every request, so a success
-- is recorded at most once per interval; failures are always recorded).
ALTER TABLE app_user ADD COLUMN last_login_audited_at TIMESTAMP(6) WITH TIME ZONE;
-- When the last failure during a lockout was written to the audit trail.
ALTER TABLE app_user ADD COLUMN lockout_audited_at TIMESTAMP(6) WITH TIME ZONE;

-- Only the SHA-256 of a token is stored; the token itself is shown once, when it is issued.
CREATE TABLE api_token (
    id          BIGINT       PRIMARY KEY,
    username    VARCHAR(64)  NOT NULL REFERENCES app_user(username),
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    label       VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ix_api_token_user ON api_token(username);

-- A signature over one visit (visit_id set) or a whole casebook (visit_id null). signed_through_seq is the audit
-- chain position at signing: any later audit record of the signed data invalidates the signature.
CREATE TABLE e_signature (
    id                 BIGINT       PRIMARY KEY,
    subject_id         BIGINT       NOT NULL REFERENCES subject(id),
    visit_id           BIGINT       REFERENCES visit(id),
    username           VARCHAR(64)  NOT NULL REFERENCES app_user(username),
    printed_name       VARCHAR      NOT NULL,
    meaning            VARCHAR(32)  NOT NULL,
    signed_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    signed_through_seq BIGINT       NOT NULL,
    content_hash       VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_e_signature_subject ON e_signature(subject_id);
