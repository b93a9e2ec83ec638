-- Idempotency keys of creating calls: the key, a hash of the request and the response given,
-- stored in the same transaction as the change the request made. A retry with the same key and
-- the same body gets the original response; with another body, 422.
CREATE TABLE idempotency_record (
    scope            VARCHAR(200) NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    response         TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
