-- Open311 partners and their api_keys. A key is stored only as the SHA-256 of its text; the text is
-- shown once, when the key is issued. A partner has one or more keys: rotating issues a new one and
-- gives the old ones an expiry (the grace period) so the partner can switch without an outage.
CREATE TABLE open311_partner (
    id                   VARCHAR(100) PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    requests_per_minute  INTEGER      CHECK (requests_per_minute > 0),
    created_at           TIMESTAMPTZ  NOT NULL,
    revoked_at           TIMESTAMPTZ
);

CREATE TABLE open311_partner_key (
    key_hash    CHAR(64)     PRIMARY KEY,
    partner_id  VARCHAR(100) NOT NULL REFERENCES open311_partner (id),
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX open311_partner_key_partner ON open311_partner_key (partner_id);
