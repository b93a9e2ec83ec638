package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "mediation")
public class MediationEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String incidentId;
    public String mediatingAgencyId;
    /** JSON array of the parties. */
    public String parties;
    public String status;
    public String openedBy;
    public Instant openedAt;
    public String agreementId;
    /** JSON of the signed agreement, exactly as published (resolution.agreed). */
    public String agreement;
    public Instant closedAt;
    public String failureReason;
    public Integer mediateAgainWithinDays;
    @Version
    public long version;
}
