package io.liandong.dispatch.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "playbook")
public class PlaybookEntity extends PanacheEntityBase {

    @Id
    public String version;
    public String yaml;
    public String source;
    public boolean active;
    public Instant loadedAt;
    public String loadedBy;

    public static PlaybookEntity active() {
        return find("active", true).firstResult();
    }
}
