package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agency added a note or a situation report to its assignment.
 *
 * @param noteId         Id of the note.
 * @param assignmentId   Id of the assignment.
 * @param incidentId     The incident.
 * @param agencyId       The agency.
 * @param kind           note or situation-report.
 * @param text           The note.
 * @param authoredBy     Who wrote it.
 * @param addedAt        When.
 * @param attachmentUrls Photos or documents attached.
 */
public record AssignmentNoteAdded(
        String noteId,
        String assignmentId,
        String incidentId,
        String agencyId,
        NoteKind kind,
        String text,
        String authoredBy,
        Instant addedAt,
        List<String> attachmentUrls) implements EventPayload {

    public AssignmentNoteAdded {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(authoredBy, "authoredBy");
        Objects.requireNonNull(addedAt, "addedAt");
        attachmentUrls = List.copyOf(Objects.requireNonNull(attachmentUrls, "attachmentUrls"));
    }

    @Override
    public String subject() {
        return assignmentId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
