package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "agency")
public class AgencyEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String role;
    /** JSON array of area-code prefixes. */
    public String areas;
    /** JSON array of dispute and incident types. */
    public String competentFor;
    /** JSON object: name, title, contacts. */
    public String onDuty;
    public String updatedBy;
    public Instant updatedAt;
    @Version
    public long version;
}
