package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "inbox_assignment")
public class InboxAssignmentEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String incidentId;
    public String agencyRole;
    /** The agency that holds it now (whose inbox it is in). */
    public String agencyId;
    /** The agency id dispatch named in assignment.created (possibly only a role). */
    public String assignedAgencyId;
    /** dispatch (as named), registry (resolved by role), or hq (nothing resolved it). */
    public String routedBy;
    public String onSiteGroup;
    /** One duty per line. */
    public String duties;
    public String status;
    public String playbookVersion;
    public Instant notifiedAt;
    public Instant receivedAt;
    public Instant acknowledgeDueAt;
    public Instant onSceneDueAt;
    public Instant acknowledgedAt;
    public Instant enRouteAt;
    public Instant expectedArrivalAt;
    public Instant onSceneAt;
    public Instant releasedAt;
    public int hops;
    public boolean atHqAfterLoop;
    @Version
    public long version;
}
