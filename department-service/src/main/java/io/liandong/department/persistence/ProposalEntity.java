package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "mediation_proposal")
public class ProposalEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String mediationId;
    public String proposedBy;
    /** JSON array. */
    public String terms;
    public String status;
    public Instant madeAt;

    public static List<ProposalEntity> of(String mediationId) {
        return list("mediationId = ?1 ORDER BY madeAt, id", mediationId);
    }
}
