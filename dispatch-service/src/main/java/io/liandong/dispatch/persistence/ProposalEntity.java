package io.liandong.dispatch.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "incident_proposal")
public class ProposalEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String clusterId;
    public int revision;
    public String category;
    public String disputeType;
    public String areaCode;
    public double lat;
    public double lon;
    public int radiusMeters;
    public int grievanceCount;
    /** Space-separated grievance ids. */
    public String grievanceIds;
    public String status;
    public String incidentId;
    public String decidedBy;
    public String decisionReason;
    public Instant detectedAt;
    public Instant createdAt;
    public Instant decidedAt;
    @Version
    public long version;
}
