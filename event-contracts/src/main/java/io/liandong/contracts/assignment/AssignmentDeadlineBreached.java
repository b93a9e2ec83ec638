package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An assignment deadline passed without the step being done.
 *
 * @param assignmentId Id of the assignment.
 * @param incidentId   The incident.
 * @param agencyId     The agency that owed the step.
 * @param deadline     Which clock: acknowledge or on-scene.
 * @param dueAt        When the deadline fell.
 * @param breachedAt   When the breach was detected.
 */
public record AssignmentDeadlineBreached(
        String assignmentId,
        String incidentId,
        String agencyId,
        DeadlineKind deadline,
        Instant dueAt,
        Instant breachedAt) implements EventPayload {

    public AssignmentDeadlineBreached {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(breachedAt, "breachedAt");
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
