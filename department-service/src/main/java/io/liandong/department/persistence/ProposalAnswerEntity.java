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
@Table(name = "proposal_answer")
public class ProposalAnswerEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String proposalId;
    public String partyId;
    public String answer;
    /** JSON array, for a counter. */
    public String counterTerms;
    public Instant answeredAt;

    public static List<ProposalAnswerEntity> of(String proposalId) {
        return list("proposalId = ?1 ORDER BY answeredAt, id", proposalId);
    }
}
