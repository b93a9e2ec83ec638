package io.liandong.followup.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a grievance was received (grievance.received names no incident, so it is kept here for reviews). */
@Entity
@Table(name = "followup_grievance")
public class GrievanceReceiptEntity extends PanacheEntityBase {

    @Id
    public String grievanceId;
    public Instant receivedAt;
}
