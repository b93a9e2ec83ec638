package io.liandong.grievance.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "surge_cluster")
public class SurgeClusterEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String disputeType;
    public String category;
    public String areaCode;
    public double centreLat;
    public double centreLon;
    public int revision;
    public Instant windowStart;
    public Instant lastAt;
    @Version
    public long version;
}
