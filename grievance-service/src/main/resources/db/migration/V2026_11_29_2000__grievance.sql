-- Grievances filed through the native API or Open311.
CREATE TABLE grievance (
    id                VARCHAR(64)    PRIMARY KEY,
    token             VARCHAR(64)    NOT NULL UNIQUE,
    category          VARCHAR(64)    NOT NULL,
    dispute_type      VARCHAR(64)    NOT NULL,
    department        VARCHAR(64)    NOT NULL,
    description       VARCHAR(4000)  NOT NULL,
    lat               DOUBLE PRECISION NOT NULL,
    lon               DOUBLE PRECISION NOT NULL,
    located           BOOLEAN        NOT NULL,
    address           VARCHAR(500),
    area_code         VARCHAR(12)    NOT NULL,
    channel           VARCHAR(16)    NOT NULL,
    partner_id        VARCHAR(128),
    jurisdiction_id   VARCHAR(128),
    complainant_ref   VARCHAR(128)   NOT NULL,
    voice             VARCHAR(300)   NOT NULL,
    attachment_urls   TEXT           NOT NULL,
    attributes        TEXT           NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    priority          VARCHAR(16),
    incident_id       VARCHAR(100),
    surge_cluster_id  VARCHAR(64),
    outcome           VARCHAR(16),
    close_reason      VARCHAR(2000),
    closed_at         TIMESTAMPTZ,
    status_note       VARCHAR(2000),
    expected_at       TIMESTAMPTZ,
    received_at       TIMESTAMPTZ    NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL,
    version           BIGINT         NOT NULL
);
-- Lists are newest first, ties broken by id; each filter has its own index.
CREATE INDEX grievance_by_time ON grievance (received_at DESC, id DESC);
CREATE INDEX grievance_by_status ON grievance (status, received_at DESC, id DESC);
CREATE INDEX grievance_by_category ON grievance (category, received_at DESC, id DESC);
CREATE INDEX grievance_by_area ON grievance (area_code, received_at DESC, id DESC);
CREATE INDEX grievance_by_incident ON grievance (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX grievance_by_cluster ON grievance (surge_cluster_id) WHERE surge_cluster_id IS NOT NULL;

-- The complainant's contact details: kept only here, never on an event, shown only to the
-- department handling the grievance.
CREATE TABLE complainant_contact (
    grievance_id  VARCHAR(64)  PRIMARY KEY REFERENCES grievance (id),
    name          VARCHAR(200),
    phone         VARCHAR(50),
    email         VARCHAR(320)
);

-- What happened to the grievance itself, as its complainant reads it.
CREATE TABLE grievance_step (
    id            BIGSERIAL     PRIMARY KEY,
    grievance_id  VARCHAR(64)   NOT NULL REFERENCES grievance (id),
    kind          VARCHAR(64)   NOT NULL,
    text          VARCHAR(4000) NOT NULL,
    occurred_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX grievance_step_by_grievance ON grievance_step (grievance_id, occurred_at, id);

-- Clusters of similar grievances: the early warning of a surge.
CREATE TABLE surge_cluster (
    id            VARCHAR(64)   PRIMARY KEY,
    dispute_type  VARCHAR(64)   NOT NULL,
    category      VARCHAR(64)   NOT NULL,
    area_code     VARCHAR(12)   NOT NULL,
    centre_lat    DOUBLE PRECISION NOT NULL,
    centre_lon    DOUBLE PRECISION NOT NULL,
    revision      INTEGER       NOT NULL,
    window_start  TIMESTAMPTZ,
    last_at       TIMESTAMPTZ   NOT NULL,
    version       BIGINT        NOT NULL
);
-- Candidates for a new grievance: active clusters of its dispute type near it or in its area.
CREATE INDEX surge_cluster_active ON surge_cluster (dispute_type, last_at, centre_lat);
