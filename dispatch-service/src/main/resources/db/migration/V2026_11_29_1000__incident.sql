-- Incidents as reported to the command HQ.
CREATE TABLE incident (
    id                    VARCHAR(64)   PRIMARY KEY,
    incident_type         VARCHAR(64)   NOT NULL,
    dispute_type          VARCHAR(64),
    status                VARCHAR(32)   NOT NULL,
    severity              VARCHAR(16)   NOT NULL,
    lat                   DOUBLE PRECISION NOT NULL,
    lon                   DOUBLE PRECISION NOT NULL,
    address               VARCHAR(500)  NOT NULL,
    area_code             VARCHAR(32)   NOT NULL,
    estimated_crowd_size  INTEGER,
    description           VARCHAR(4000) NOT NULL,
    reported_by           VARCHAR(200)  NOT NULL,
    origin                VARCHAR(16)   NOT NULL,
    playbook_version      VARCHAR(100)  NOT NULL,
    reported_at           TIMESTAMPTZ   NOT NULL,
    version               BIGINT        NOT NULL
);
CREATE INDEX incident_by_status ON incident (status, reported_at);
