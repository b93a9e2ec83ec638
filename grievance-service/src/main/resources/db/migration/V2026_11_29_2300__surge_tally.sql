-- A cluster keeps the tally its centre is made of (voices counted, their coordinates summed, the
-- same for the located ones) and whether any of its grievances is located, so that a new voice of an
-- alarmed cluster is placed without reading the cluster's members. voices = 0 marks a cluster tallied
-- before this: its next filing reads the members once and stores the tally.
ALTER TABLE surge_cluster
    ADD COLUMN located          BOOLEAN          NOT NULL DEFAULT false,
    ADD COLUMN voices           INTEGER          NOT NULL DEFAULT 0,
    ADD COLUMN sum_lat          DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN sum_lon          DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN located_voices   INTEGER          NOT NULL DEFAULT 0,
    ADD COLUMN sum_located_lat  DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN sum_located_lon  DOUBLE PRECISION NOT NULL DEFAULT 0;
-- Whether a voice is already counted in a cluster, and a cluster's members, by one index.
DROP INDEX grievance_by_cluster;
CREATE INDEX grievance_by_cluster_voice ON grievance (surge_cluster_id, voice) WHERE surge_cluster_id IS NOT NULL;
UPDATE surge_cluster c SET located = EXISTS (SELECT 1 FROM grievance g WHERE g.surge_cluster_id = c.id AND g.located);
