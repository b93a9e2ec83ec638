-- When an item was finished (for the board's lateness of items finished late), the finding a
-- review's corrective action answers, and whether an agency (the HQ) verifies the item rather
-- than the parties it was promised to.
ALTER TABLE followup_item ADD COLUMN done_at TIMESTAMPTZ;
ALTER TABLE followup_item ADD COLUMN issue TEXT;
ALTER TABLE followup_item ADD COLUMN agency_verified BOOLEAN NOT NULL DEFAULT FALSE;
-- Items finished before this column existed: their last change is the best estimate we have
-- (exact for done items; for verified ones it is the verification, a little later).
UPDATE followup_item SET done_at = updated_at WHERE status IN ('done', 'verified');

-- When each grievance was received: grievance.received names no incident, so it does not join an
-- incident's timeline; the review reads it here for the time from the first grievance to the incident.
CREATE TABLE followup_grievance (
    grievance_id  VARCHAR(128) PRIMARY KEY,
    received_at   TIMESTAMPTZ  NOT NULL
);
