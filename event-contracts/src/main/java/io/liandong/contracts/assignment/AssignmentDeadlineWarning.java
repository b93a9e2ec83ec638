package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An assignment deadline is close: a share of its time has passed without the step being done.
 *
 * @param assignmentId     Id of the assignment.
 * @param incidentId       The incident.
 * @param agencyId         The agency that owes the step.
 * @param deadline         Which clock: acknowledge or on-scene.
 * @param thresholdPercent Share of the allowed time that has passed.
 * @param dueAt            When the deadline falls.
 * @param warnedAt         When the warning was raised.
 */
public record AssignmentDeadlineWarning(
        String assignmentId,
        String incidentId,
        String agencyId,
        DeadlineKind deadline,
        int thresholdPercent,
        Instant dueAt,
        Instant warnedAt) implements EventPayload {

    public AssignmentDeadlineWarning {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(warnedAt, "warnedAt");
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
