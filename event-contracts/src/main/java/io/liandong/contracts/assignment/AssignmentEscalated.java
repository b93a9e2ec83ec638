package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An assignment was escalated one rung up the playbook's escalation ladder.
 *
 * @param assignmentId Id of the assignment.
 * @param incidentId   The incident.
 * @param agencyId     The agency whose assignment it is.
 * @param level        Rung of the escalation ladder, from 1.
 * @param escalatedTo  The agency it was escalated to, e.g. the city command HQ.
 * @param deadline     The breached clock that caused it, if a clock did.
 * @param reason       Why.
 * @param escalatedAt  When.
 */
public record AssignmentEscalated(
        String assignmentId,
        String incidentId,
        String agencyId,
        int level,
        String escalatedTo,
        DeadlineKind deadline,
        String reason,
        Instant escalatedAt) implements EventPayload {

    public AssignmentEscalated {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(escalatedTo, "escalatedTo");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(escalatedAt, "escalatedAt");
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
