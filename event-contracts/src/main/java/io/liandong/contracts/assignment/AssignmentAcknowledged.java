package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agency acknowledged its assignment; the acknowledge clock stops.
 *
 * @param assignmentId   Id of the assignment.
 * @param incidentId     The incident.
 * @param agencyId       The agency.
 * @param acknowledgedBy The duty officer who acknowledged.
 * @param acknowledgedAt When.
 */
public record AssignmentAcknowledged(
        String assignmentId,
        String incidentId,
        String agencyId,
        String acknowledgedBy,
        Instant acknowledgedAt) implements EventPayload {

    public AssignmentAcknowledged {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
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
