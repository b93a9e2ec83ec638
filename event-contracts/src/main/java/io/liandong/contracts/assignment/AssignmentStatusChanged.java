package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The command HQ moved an assignment on the agency's behalf (an operator told by radio or phone);
 * moves the agency reports itself arrive as department-service's assignment events.
 *
 * @param assignmentId Id of the assignment.
 * @param incidentId   The incident.
 * @param agencyId     The agency.
 * @param from         Status before.
 * @param to           Status after.
 * @param changedBy    The operator who recorded it.
 * @param reason       Why, if given.
 * @param changedAt    When.
 */
public record AssignmentStatusChanged(
        String assignmentId,
        String incidentId,
        String agencyId,
        AssignmentStatus from,
        AssignmentStatus to,
        String changedBy,
        String reason,
        Instant changedAt) implements EventPayload {

    public AssignmentStatusChanged {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
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
