package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agency's part in the incident is over.
 *
 * @param assignmentId Id of the assignment.
 * @param incidentId   The incident.
 * @param agencyId     The agency.
 * @param releasedBy   Who released it (the agency or the HQ).
 * @param releasedAt   When.
 * @param reason       Why, if given.
 */
public record AssignmentReleased(
        String assignmentId,
        String incidentId,
        String agencyId,
        String releasedBy,
        Instant releasedAt,
        String reason) implements EventPayload {

    public AssignmentReleased {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(releasedBy, "releasedBy");
        Objects.requireNonNull(releasedAt, "releasedAt");
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
