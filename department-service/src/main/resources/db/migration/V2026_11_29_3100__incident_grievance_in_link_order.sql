-- An assignment's detail lists the first grievances linked to its incident and counts them all; a
-- surge incident links thousands, so both are read from an index in link order instead of a sort.
CREATE INDEX incident_grievance_in_link_order ON incident_grievance (incident_id, linked_at, grievance_id);
