-- The agency registry: who fills which role, where, and who is on duty and how reached.
CREATE TABLE agency (
    id              VARCHAR(128)  PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    role            VARCHAR(64)   NOT NULL,
    areas           TEXT          NOT NULL,
    competent_for   TEXT          NOT NULL,
    on_duty         TEXT          NOT NULL,
    updated_by      VARCHAR(200)  NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL
);

-- What this service knows of each incident (from dispatch's events): the summary agencies read.
CREATE TABLE incident_summary (
    id               VARCHAR(64)   PRIMARY KEY,
    incident_type    VARCHAR(64),
    dispute_type     VARCHAR(64),
    severity         VARCHAR(16),
    status           VARCHAR(32),
    address          VARCHAR(500),
    area_code        VARCHAR(32),
    crowd_size       INTEGER,
    description      VARCHAR(4000),
    parties          TEXT          NOT NULL,
    reported_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ   NOT NULL
);

CREATE TABLE incident_grievance (
    incident_id   VARCHAR(64)   NOT NULL,
    grievance_id  VARCHAR(64)   NOT NULL,
    linked_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (incident_id, grievance_id)
);

-- One agency's part in one incident, in the inbox of the agency that holds it now.
CREATE TABLE inbox_assignment (
    id                   VARCHAR(64)   PRIMARY KEY,
    incident_id          VARCHAR(64)   NOT NULL,
    agency_role          VARCHAR(64)   NOT NULL,
    agency_id            VARCHAR(128)  NOT NULL,
    assigned_agency_id   VARCHAR(128)  NOT NULL,
    routed_by            VARCHAR(32)   NOT NULL,
    on_site_group        VARCHAR(32)   NOT NULL,
    duties               TEXT          NOT NULL,
    status               VARCHAR(32)   NOT NULL,
    playbook_version     VARCHAR(100)  NOT NULL,
    notified_at          TIMESTAMPTZ   NOT NULL,
    received_at          TIMESTAMPTZ   NOT NULL,
    acknowledge_due_at   TIMESTAMPTZ   NOT NULL,
    on_scene_due_at      TIMESTAMPTZ   NOT NULL,
    acknowledged_at      TIMESTAMPTZ,
    en_route_at          TIMESTAMPTZ,
    expected_arrival_at  TIMESTAMPTZ,
    on_scene_at          TIMESTAMPTZ,
    released_at          TIMESTAMPTZ,
    hops                 INTEGER       NOT NULL DEFAULT 0,
    at_hq_after_loop     BOOLEAN       NOT NULL DEFAULT FALSE,
    version              BIGINT        NOT NULL
);
CREATE INDEX inbox_by_agency ON inbox_assignment (agency_id, notified_at DESC, id DESC);

-- What dispatch said about an assignment (warnings, breaches, escalations, an operator's move),
-- kept even when it arrives before the assignment itself.
CREATE TABLE assignment_signal (
    event_id       VARCHAR(64)   PRIMARY KEY,
    assignment_id  VARCHAR(64)   NOT NULL,
    incident_id    VARCHAR(64)   NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    detail         VARCHAR(2000) NOT NULL,
    status_to      VARCHAR(32),
    level          INTEGER,
    occurred_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX signal_by_assignment ON assignment_signal (assignment_id, occurred_at);

-- Every hand-off of an assignment, timestamped, in order.
CREATE TABLE referral (
    id                  BIGSERIAL     PRIMARY KEY,
    assignment_id       VARCHAR(64)   NOT NULL,
    hop                 INTEGER       NOT NULL,
    from_agency_id      VARCHAR(128)  NOT NULL,
    to_agency_id        VARCHAR(128)  NOT NULL,
    requested_agency_id VARCHAR(128)  NOT NULL,
    redirected_to_hq    BOOLEAN       NOT NULL,
    redirect_reason     VARCHAR(500),
    reason              VARCHAR(2000) NOT NULL,
    referred_by         VARCHAR(200)  NOT NULL,
    referred_at         TIMESTAMPTZ   NOT NULL,
    CONSTRAINT referral_hop_once UNIQUE (assignment_id, hop)
);

CREATE TABLE assignment_note (
    id              VARCHAR(64)   PRIMARY KEY,
    assignment_id   VARCHAR(64)   NOT NULL,
    agency_id       VARCHAR(128)  NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    text            VARCHAR(4000) NOT NULL,
    attachment_urls TEXT          NOT NULL,
    authored_by     VARCHAR(200)  NOT NULL,
    added_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX note_by_assignment ON assignment_note (assignment_id, added_at);

-- Mediation between the parties of an incident, run by the mediating agency.
CREATE TABLE mediation (
    id                  VARCHAR(64)   PRIMARY KEY,
    incident_id         VARCHAR(64)   NOT NULL,
    mediating_agency_id VARCHAR(128)  NOT NULL,
    parties             TEXT          NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    opened_by           VARCHAR(200)  NOT NULL,
    opened_at           TIMESTAMPTZ   NOT NULL,
    agreement_id        VARCHAR(64),
    agreement           TEXT,
    closed_at           TIMESTAMPTZ,
    failure_reason      VARCHAR(2000),
    mediate_again_within_days INTEGER,
    version             BIGINT        NOT NULL
);
CREATE INDEX mediation_by_incident ON mediation (incident_id, opened_at);

CREATE TABLE mediation_session (
    id               BIGSERIAL     PRIMARY KEY,
    mediation_id     VARCHAR(64)   NOT NULL REFERENCES mediation (id),
    session_number   INTEGER       NOT NULL,
    held_at          TIMESTAMPTZ   NOT NULL,
    location         VARCHAR(500)  NOT NULL,
    representatives  TEXT          NOT NULL,
    demands          TEXT          NOT NULL,
    summary          VARCHAR(4000),
    CONSTRAINT session_number_once UNIQUE (mediation_id, session_number)
);

CREATE TABLE mediation_proposal (
    id             VARCHAR(64)   PRIMARY KEY,
    mediation_id   VARCHAR(64)   NOT NULL REFERENCES mediation (id),
    proposed_by    VARCHAR(128)  NOT NULL,
    terms          TEXT          NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    made_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX proposal_by_mediation ON mediation_proposal (mediation_id, made_at);

CREATE TABLE proposal_answer (
    id             BIGSERIAL     PRIMARY KEY,
    proposal_id    VARCHAR(64)   NOT NULL REFERENCES mediation_proposal (id),
    party_id       VARCHAR(128)  NOT NULL,
    answer         VARCHAR(16)   NOT NULL,
    counter_terms  TEXT,
    answered_at    TIMESTAMPTZ   NOT NULL,
    CONSTRAINT answer_once UNIQUE (proposal_id, party_id)
);
