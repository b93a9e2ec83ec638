package io.liandong.dispatch.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "milestone")
public class MilestoneEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String incidentId;
    public String code;
    public String onSiteGroup;
    public String agencyId;
    public String recordedBy;
    public Instant recordedAt;
    public String note;

    public static List<MilestoneEntity> ofIncident(String incidentId) {
        return list("incidentId = ?1 ORDER BY recordedAt, id", incidentId);
    }
}
