package io.liandong.followup.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "followup_review")
public class ReviewEntity extends PanacheEntityBase {

    @Id
    public String incidentId;
    public String reviewId;
    public Instant publishedAt;
}
