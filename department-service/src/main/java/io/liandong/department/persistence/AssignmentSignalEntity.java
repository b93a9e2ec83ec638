package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A warning, breach, escalation or operator's move dispatch reported about an assignment. */
@Entity
@Table(name = "assignment_signal")
public class AssignmentSignalEntity extends PanacheEntityBase {

    @Id
    public String eventId;
    public String assignmentId;
    public String incidentId;
    /** deadline-warning, deadline-breached, escalated, status-changed. */
    public String kind;
    public String detail;
    public String statusTo;
    public Integer level;
    public Instant occurredAt;

    public static List<AssignmentSignalEntity> of(String assignmentId) {
        return list("assignmentId = ?1 ORDER BY occurredAt, eventId", assignmentId);
    }
}
