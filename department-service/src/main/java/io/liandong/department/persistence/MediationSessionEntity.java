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
@Table(name = "mediation_session")
public class MediationSessionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String mediationId;
    public int sessionNumber;
    public Instant heldAt;
    public String location;
    /** JSON array. */
    public String representatives;
    /** JSON array. */
    public String demands;
    public String summary;

    public static List<MediationSessionEntity> of(String mediationId) {
        return list("mediationId = ?1 ORDER BY sessionNumber", mediationId);
    }
}
