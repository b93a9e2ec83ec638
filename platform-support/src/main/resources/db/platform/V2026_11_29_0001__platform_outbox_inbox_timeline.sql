-- Shared tables of platform-support, present in every service's database.

-- Transactional outbox: written in the same transaction as the state change it reports,
-- published in id order by the relay.
CREATE TABLE outbox_event (
    id              BIGSERIAL PRIMARY KEY,
    event_id        UUID         NOT NULL UNIQUE,
    topic           VARCHAR(200) NOT NULL,
    message_key     VARCHAR(200) NOT NULL,
    ce_type         VARCHAR(200) NOT NULL,
    ce_source       VARCHAR(200) NOT NULL,
    ce_subject      VARCHAR(200) NOT NULL,
    ce_time         TIMESTAMPTZ  NOT NULL,
    incident_id     VARCHAR(100),
    correlation_id  VARCHAR(100),
    causation_id    VARCHAR(100),
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    published_at    TIMESTAMPTZ,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      TEXT
);
-- The relay only ever looks for what is still unpublished.
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Inbox: one row per (consumer, event) stored with the consumer's effect; a redelivery
-- finds its row and changes nothing.
CREATE TABLE inbox_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    ce_type      VARCHAR(200) NOT NULL,
    ce_time      TIMESTAMPTZ  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Every event about an incident this service has produced or consumed, in the order it
-- happened: the incident's timeline as this service knows it.
CREATE TABLE incident_event (
    event_id     VARCHAR(200) PRIMARY KEY,
    incident_id  VARCHAR(100) NOT NULL,
    ce_type      VARCHAR(200) NOT NULL,
    ce_source    VARCHAR(200) NOT NULL,
    ce_subject   VARCHAR(200) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    data         TEXT         NOT NULL
);
CREATE INDEX incident_event_by_incident ON incident_event (incident_id, occurred_at, event_id);
