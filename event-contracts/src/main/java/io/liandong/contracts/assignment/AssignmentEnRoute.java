package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agency's people set off for the scene.
 *
 * @param assignmentId      Id of the assignment.
 * @param incidentId        The incident.
 * @param agencyId          The agency.
 * @param reportedBy        Who reported it.
 * @param departedAt        When they set off.
 * @param expectedArrivalAt When they expect to arrive.
 */
public record AssignmentEnRoute(
        String assignmentId,
        String incidentId,
        String agencyId,
        String reportedBy,
        Instant departedAt,
        Instant expectedArrivalAt) implements EventPayload {

    public AssignmentEnRoute {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(departedAt, "departedAt");
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
