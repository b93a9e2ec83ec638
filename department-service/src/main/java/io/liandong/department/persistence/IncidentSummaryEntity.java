package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What dispatch's events told this service about an incident. */
@Entity
@Table(name = "incident_summary")
public class IncidentSummaryEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String incidentType;
    public String disputeType;
    public String severity;
    public String status;
    public String address;
    public String areaCode;
    public Integer crowdSize;
    public String description;
    /** JSON array of the parties. */
    public String parties;
    public Instant reportedAt;
    public Instant updatedAt;
}
