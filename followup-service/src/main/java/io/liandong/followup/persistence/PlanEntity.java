package io.liandong.followup.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "followup_plan")
public class PlanEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String incidentId;
    /** agreement or mediation-failed. */
    public String source;
    public String sourceId;
    public Instant createdAt;
}
