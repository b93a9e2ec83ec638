package io.liandong.followup.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "followup_item")
public class ItemEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String planId;
    public String incidentId;
    public String commitmentId;
    public Integer occurrence;
    public String ownerKind;
    public String ownerId;
    /** The agency that reports progress: the owner when an agency owes it, else the verifying agency. */
    public String responsibleAgencyId;
    public String action;
    public Instant dueAt;
    public String verifierAgencyId;
    public String verificationEvidence;
    public String scheduleKind;
    public String beneficiaries;
    public String linkedGrievanceIds;
    public String status;
    public String note;
    public String evidenceUrls;
    public boolean overdue;
    public int escalationLevel;
    /** When the owner reported it done (kept when verified, cleared when reopened). */
    public Instant doneAt;
    /** For a review's corrective action: the finding it answers. */
    public String issue;
    /** Verified by an agency (the HQ) named in beneficiaries, calling as itself, rather than by a party. */
    public boolean agencyVerified;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
