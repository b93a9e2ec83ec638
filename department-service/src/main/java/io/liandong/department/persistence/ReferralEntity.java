package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "referral")
public class ReferralEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String assignmentId;
    public int hop;
    public String fromAgencyId;
    public String toAgencyId;
    public String requestedAgencyId;
    public boolean redirectedToHq;
    /** Why the HQ got it instead of the agency asked for. */
    public String redirectReason;
    public String reason;
    public String referredBy;
    public Instant referredAt;

    public static List<ReferralEntity> of(String assignmentId) {
        return list("assignmentId = ?1 ORDER BY hop", assignmentId);
    }
}
