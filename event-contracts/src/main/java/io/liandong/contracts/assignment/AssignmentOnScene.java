package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agency's people arrived on scene; the on-scene clock stops.
 *
 * @param assignmentId   Id of the assignment.
 * @param incidentId     The incident.
 * @param agencyId       The agency.
 * @param reportedBy     Who reported it.
 * @param arrivedAt      When they arrived.
 * @param personnelCount How many people arrived.
 */
public record AssignmentOnScene(
        String assignmentId,
        String incidentId,
        String agencyId,
        String reportedBy,
        Instant arrivedAt,
        Integer personnelCount) implements EventPayload {

    public AssignmentOnScene {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
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
