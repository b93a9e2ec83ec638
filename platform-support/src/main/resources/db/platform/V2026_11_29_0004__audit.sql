-- The audit trail: one record per committed change made over HTTP, written in the same transaction
-- as the change. Records form a hash chain: each record's hash is SHA-256 over the previous record's
-- hash and its own canonical fields, so an edited, inserted or deleted record is detectable.
-- audit_chain_head holds the last sequence number and hash; its single row is updated by every
-- record, which serialises writers (also across replicas) only for the moment before their commit.
CREATE TABLE audit_chain_head (
    id    SMALLINT PRIMARY KEY CHECK (id = 1),
    seq   BIGINT   NOT NULL,
    hash  CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE audit_record (
    seq              BIGINT        PRIMARY KEY,
    occurred_at      TIMESTAMPTZ   NOT NULL,
    actor            VARCHAR(200)  NOT NULL,
    actor_kind       VARCHAR(20)   NOT NULL,
    agency           VARCHAR(100),
    action           VARCHAR(400)  NOT NULL,
    target           VARCHAR(1000) NOT NULL,
    subjects         VARCHAR(2000) NOT NULL,
    request_id       VARCHAR(100)  NOT NULL,
    idempotency_key  VARCHAR(200),
    hash             CHAR(64)      NOT NULL
);
CREATE INDEX audit_record_occurred_at ON audit_record (occurred_at);
CREATE INDEX audit_record_agency ON audit_record (agency, seq);
