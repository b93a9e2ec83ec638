package io.liandong.grievance.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "surge_cluster")
public class SurgeClusterEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String disputeType;
    public String category;
    public String areaCode;
    public double centreLat;
    public double centreLon;
    public int revision;
    public Instant windowStart;
    public Instant lastAt;
    /** When the last alarm (first or update) was raised; {@code null} before the first. */
    public Instant alarmedAt;
    /** Whether the cluster grew since its last alarm and an update waits for the pacing interval to end. */
    public boolean updatePending;
    /** The incident opened from this cluster, once there is one. */
    public String incidentId;
    /** When the cluster's incident was closed or cancelled: the cluster takes no more grievances. */
    public Instant endedAt;
    /** Whether any of its grievances is located. */
    public boolean located;
    /** The tally of its counted voices ({@code SurgeTally}); {@code voices = 0} until it is first kept. */
    public int voices;
    public double sumLat;
    public double sumLon;
    public int locatedVoices;
    public double sumLocatedLat;
    public double sumLocatedLon;
    @Version
    public long version;
}
