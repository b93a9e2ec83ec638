package io.liandong.department.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "assignment_note")
public class AssignmentNoteEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String assignmentId;
    public String agencyId;
    public String kind;
    public String text;
    /** JSON array. */
    public String attachmentUrls;
    public String authoredBy;
    public Instant addedAt;

    public static List<AssignmentNoteEntity> of(String assignmentId) {
        return list("assignmentId = ?1 ORDER BY addedAt, id", assignmentId);
    }
}
