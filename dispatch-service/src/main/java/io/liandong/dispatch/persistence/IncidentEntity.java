package io.liandong.dispatch.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "incident")
public class IncidentEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String incidentType;
    public String disputeType;
    public String status;
    public String severity;
    public double lat;
    public double lon;
    public String address;
    public String areaCode;
    public Integer estimatedCrowdSize;
    public String description;
    public String reportedBy;
    public String origin;
    public String playbookVersion;
    public Instant reportedAt;
    /** The parties as JSON, as reported. */
    public String parties;
    public boolean casualtiesReported;
    public String surgeClusterId;
    public Instant updatedAt;
    @Version
    public long version;
}
