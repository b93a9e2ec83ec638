-- One published after-action review per closed incident (review.published is announced once).
CREATE TABLE followup_review (
    incident_id   VARCHAR(64)  PRIMARY KEY,
    review_id     VARCHAR(64)  NOT NULL,
    published_at  TIMESTAMPTZ  NOT NULL
);
