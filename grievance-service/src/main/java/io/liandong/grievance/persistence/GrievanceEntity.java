package io.liandong.grievance.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "grievance")
public class GrievanceEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String token;
    public String category;
    public String disputeType;
    public String department;
    public String description;
    public double lat;
    public double lon;
    public boolean located;
    public String address;
    public String areaCode;
    public String channel;
    public String partnerId;
    public String jurisdictionId;
    public String complainantRef;
    public String voice;
    /** JSON array of URLs. */
    public String attachmentUrls;
    /** JSON object of Open311 attribute codes to values. */
    public String attributes;
    public String status;
    public String priority;
    public String incidentId;
    public String surgeClusterId;
    public String outcome;
    public String closeReason;
    public Instant closedAt;
    /** The latest line of progress, for lists and Open311's status_notes. */
    public String statusNote;
    public Instant expectedAt;
    public Instant receivedAt;
    public Instant updatedAt;
    @Version
    public long version;
}
