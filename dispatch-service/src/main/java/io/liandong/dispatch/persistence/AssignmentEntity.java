package io.liandong.dispatch.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "assignment")
public class AssignmentEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String incidentId;
    public String agencyRole;
    public String agencyId;
    public String onSiteGroup;
    /** One duty per line. */
    public String duties;
    public String status;
    public boolean manual;
    public String createdBy;
    public String playbookVersion;
    public Instant notifiedAt;
    public Instant acknowledgeDueAt;
    public Instant onSceneDueAt;
    public Instant acknowledgedAt;
    public Instant enRouteAt;
    public Instant onSceneAt;
    public Instant releasedAt;
    public boolean acknowledgeBreached;
    public boolean onSceneBreached;
    public int escalationLevel;
    @Version
    public long version;

    public static List<AssignmentEntity> ofIncident(String incidentId) {
        return list("incidentId = ?1 ORDER BY notifiedAt, id", incidentId);
    }
}
