-- The playbook versions the HQ has run; exactly one is active. Incidents keep the version they
-- were handled under, so every version stays.
CREATE TABLE playbook (
    version      VARCHAR(100) PRIMARY KEY,
    yaml         TEXT         NOT NULL,
    source       VARCHAR(500) NOT NULL,
    active       BOOLEAN      NOT NULL,
    loaded_at    TIMESTAMPTZ  NOT NULL,
    loaded_by    VARCHAR(200) NOT NULL
);
CREATE UNIQUE INDEX playbook_one_active ON playbook (active) WHERE active;

ALTER TABLE incident ADD COLUMN parties TEXT NOT NULL DEFAULT '[]';
ALTER TABLE incident ADD COLUMN casualties_reported BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE incident ADD COLUMN surge_cluster_id VARCHAR(100);
ALTER TABLE incident ADD COLUMN updated_at TIMESTAMPTZ;
CREATE UNIQUE INDEX incident_by_surge_cluster ON incident (surge_cluster_id) WHERE surge_cluster_id IS NOT NULL;
CREATE INDEX incident_by_reported_at ON incident (reported_at DESC, id DESC);

-- One agency's part in one incident.
CREATE TABLE assignment (
    id                    VARCHAR(64)   PRIMARY KEY,
    incident_id           VARCHAR(64)   NOT NULL REFERENCES incident (id),
    agency_role           VARCHAR(64)   NOT NULL,
    agency_id             VARCHAR(128)  NOT NULL,
    on_site_group         VARCHAR(32)   NOT NULL,
    duties                TEXT          NOT NULL,
    status                VARCHAR(32)   NOT NULL,
    manual                BOOLEAN       NOT NULL,
    created_by            VARCHAR(200)  NOT NULL,
    playbook_version      VARCHAR(100)  NOT NULL,
    notified_at           TIMESTAMPTZ   NOT NULL,
    acknowledge_due_at    TIMESTAMPTZ   NOT NULL,
    on_scene_due_at       TIMESTAMPTZ   NOT NULL,
    acknowledged_at       TIMESTAMPTZ,
    en_route_at           TIMESTAMPTZ,
    on_scene_at           TIMESTAMPTZ,
    released_at           TIMESTAMPTZ,
    acknowledge_breached  BOOLEAN       NOT NULL DEFAULT FALSE,
    on_scene_breached     BOOLEAN       NOT NULL DEFAULT FALSE,
    escalation_level      INTEGER       NOT NULL DEFAULT 0,
    version               BIGINT        NOT NULL
);
CREATE INDEX assignment_by_incident ON assignment (incident_id, notified_at);

-- Scene milestones (the on-site groups' checklists), each reached once per incident.
CREATE TABLE milestone (
    id             BIGSERIAL     PRIMARY KEY,
    incident_id    VARCHAR(64)   NOT NULL REFERENCES incident (id),
    code           VARCHAR(64)   NOT NULL,
    on_site_group  VARCHAR(32)   NOT NULL,
    agency_id      VARCHAR(128)  NOT NULL,
    recorded_by    VARCHAR(200)  NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    note           VARCHAR(2000),
    CONSTRAINT milestone_once UNIQUE (incident_id, code)
);

-- Surges the HQ was asked to look at before an incident is opened.
CREATE TABLE incident_proposal (
    id              VARCHAR(64)   PRIMARY KEY,
    cluster_id      VARCHAR(100)  NOT NULL UNIQUE,
    revision        INTEGER       NOT NULL,
    category        VARCHAR(64)   NOT NULL,
    dispute_type    VARCHAR(64)   NOT NULL,
    area_code       VARCHAR(32)   NOT NULL,
    lat             DOUBLE PRECISION NOT NULL,
    lon             DOUBLE PRECISION NOT NULL,
    radius_meters   INTEGER       NOT NULL,
    grievance_count INTEGER       NOT NULL,
    grievance_ids   TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    incident_id     VARCHAR(64),
    decided_by      VARCHAR(200),
    decision_reason VARCHAR(2000),
    detected_at     TIMESTAMPTZ   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    decided_at      TIMESTAMPTZ,
    version         BIGINT        NOT NULL
);
CREATE INDEX incident_proposal_by_status ON incident_proposal (status, created_at);

-- Public alerts: the current message of each (its earlier messages are its CAP references).
CREATE TABLE public_alert (
    id              VARCHAR(64)   PRIMARY KEY,
    incident_id     VARCHAR(64)   NOT NULL REFERENCES incident (id),
    sequence        INTEGER       NOT NULL,
    identifier      VARCHAR(200)  NOT NULL,
    msg_type        VARCHAR(16)   NOT NULL,
    cap_references  TEXT          NOT NULL,
    category        VARCHAR(32)   NOT NULL,
    event           VARCHAR(200)  NOT NULL,
    urgency         VARCHAR(16)   NOT NULL,
    severity        VARCHAR(16)   NOT NULL,
    certainty       VARCHAR(16)   NOT NULL,
    response_type   VARCHAR(32)   NOT NULL,
    headline        VARCHAR(160)  NOT NULL,
    instruction     VARCHAR(2000),
    area_desc       VARCHAR(500)  NOT NULL,
    circle          VARCHAR(100),
    polygon         TEXT,
    expires_at      TIMESTAMPTZ   NOT NULL,
    sent_by         VARCHAR(200)  NOT NULL,
    sent_at         TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL
);
CREATE INDEX public_alert_by_incident ON public_alert (incident_id, sent_at);
