-- A cluster's alarm updates are paced (at most one per liandong.grievance.surge.update-interval;
-- growth in between is told by one update when the interval ends), a cluster knows the incident
-- opened from it (so a grievance joining later is linked to it), and a cluster ends when that
-- incident is closed or cancelled (grievances after that start a new cluster, and a new alarm).
ALTER TABLE surge_cluster
    ADD COLUMN alarmed_at      TIMESTAMPTZ,
    ADD COLUMN update_pending  BOOLEAN      NOT NULL DEFAULT false,
    ADD COLUMN incident_id     VARCHAR(64),
    ADD COLUMN ended_at        TIMESTAMPTZ;
CREATE INDEX surge_cluster_by_incident ON surge_cluster (incident_id) WHERE incident_id IS NOT NULL;
