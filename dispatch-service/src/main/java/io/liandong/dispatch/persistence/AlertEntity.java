package io.liandong.dispatch.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "public_alert")
public class AlertEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String incidentId;
    public int sequence;
    public String identifier;
    public String msgType;
    /** Earlier messages as space-separated CAP {@code sender,identifier,sent} triples. */
    public String capReferences;
    public String category;
    public String event;
    public String urgency;
    public String severity;
    public String certainty;
    public String responseType;
    public String headline;
    public String instruction;
    public String areaDesc;
    public String circle;
    public String polygon;
    public Instant expiresAt;
    public String sentBy;
    public Instant sentAt;
    @Version
    public long version;
}
