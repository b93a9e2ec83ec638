package io.liandong.grievance.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "complainant_contact")
public class ComplainantContactEntity extends PanacheEntityBase {

    @Id
    public String grievanceId;
    public String name;
    public String phone;
    public String email;
}
