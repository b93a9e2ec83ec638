-- Follow-up plans (one per agreement, or per failed mediation) and their tracked items.
CREATE TABLE followup_plan (
    id           VARCHAR(64)  PRIMARY KEY,
    incident_id  VARCHAR(64)  NOT NULL,
    source       VARCHAR(32)  NOT NULL,   -- agreement | mediation-failed
    source_id    VARCHAR(128) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT followup_plan_source_uq UNIQUE (source, source_id)
);
CREATE INDEX followup_plan_incident_idx ON followup_plan (incident_id, created_at);

CREATE TABLE followup_item (
    id                       VARCHAR(64)  PRIMARY KEY,
    plan_id                  VARCHAR(64)  NOT NULL REFERENCES followup_plan (id),
    incident_id              VARCHAR(64)  NOT NULL,
    commitment_id            VARCHAR(128) NOT NULL,
    occurrence               INTEGER,
    owner_kind               VARCHAR(16)  NOT NULL,
    owner_id                 VARCHAR(128) NOT NULL,
    responsible_agency_id    VARCHAR(128) NOT NULL,
    action                   TEXT         NOT NULL,
    due_at                   TIMESTAMPTZ  NOT NULL,
    verifier_agency_id       VARCHAR(128),
    verification_evidence    TEXT,
    schedule_kind            VARCHAR(16)  NOT NULL,
    beneficiaries            TEXT         NOT NULL,   -- party ids, newline-separated
    linked_grievance_ids     TEXT         NOT NULL,   -- newline-separated
    status                   VARCHAR(16)  NOT NULL,
    note                     TEXT,
    evidence_urls            TEXT         NOT NULL,   -- newline-separated
    overdue                  BOOLEAN      NOT NULL,
    escalation_level         INTEGER      NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  BIGINT       NOT NULL
);
CREATE INDEX followup_item_plan_idx ON followup_item (plan_id);
CREATE INDEX followup_item_agency_idx ON followup_item (responsible_agency_id, due_at, id);
