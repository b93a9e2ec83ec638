package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A grievance linked to an incident (grievance.linked): an agreement answers it. */
@Entity
@Table(name = "incident_grievance")
public class IncidentGrievanceEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(String incidentId, String grievanceId) implements Serializable {
    }

    @EmbeddedId
    public Key id;
    public Instant linkedAt;

    public static List<String> grievancesOf(String incidentId) {
        return firstOf(incidentId, Integer.MAX_VALUE);
    }

    /** The {@code limit} grievances linked first. */
    public static List<String> firstOf(String incidentId, int limit) {
        return IncidentGrievanceEntity.<IncidentGrievanceEntity>find("id.incidentId = ?1 ORDER BY linkedAt, id.grievanceId",
                        incidentId).range(0, limit - 1).stream().map(g -> g.id.grievanceId()).toList();
    }

    public static long countOf(String incidentId) {
        return count("id.incidentId", incidentId);
    }
}
