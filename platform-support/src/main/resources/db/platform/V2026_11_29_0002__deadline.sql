-- Durable timers: a row per deadline with its due time. A scheduler in any replica claims due
-- rows with FOR UPDATE SKIP LOCKED, hands each to its service's handler and marks it fired in
-- the same transaction, so each fires once and a restart loses none.
CREATE TABLE platform_deadline (
    id            BIGSERIAL PRIMARY KEY,
    kind          VARCHAR(100) NOT NULL,
    subject       VARCHAR(200) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    incident_id   VARCHAR(100),
    due_at        TIMESTAMPTZ  NOT NULL,
    data          TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    fired_at      TIMESTAMPTZ,
    fired_by      VARCHAR(200),
    cancelled_at  TIMESTAMPTZ,
    failed_at     TIMESTAMPTZ,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    last_error    TEXT,
    CONSTRAINT platform_deadline_unique_name UNIQUE (kind, subject, name)
);
-- The checker only ever looks for what is still pending, in due order.
CREATE INDEX platform_deadline_pending ON platform_deadline (due_at, id)
    WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL;
CREATE INDEX platform_deadline_by_subject ON platform_deadline (subject);
