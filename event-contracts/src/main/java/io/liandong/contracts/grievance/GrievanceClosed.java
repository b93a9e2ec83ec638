package io.liandong.contracts.grievance;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A grievance was closed: resolved, or closed without resolution.
 *
 * @param grievanceId Id of the grievance.
 * @param incidentId  The incident it was linked to, if any.
 * @param outcome     resolved when its cause was dealt with, closed otherwise (duplicate, withdrawn,
 *                    out of scope).
 * @param reason      What the complainant is told.
 * @param closedBy    Who closed it.
 * @param closedAt    When it was closed.
 */
public record GrievanceClosed(
        String grievanceId,
        String incidentId,
        GrievanceOutcome outcome,
        String reason,
        String closedBy,
        Instant closedAt) implements EventPayload {

    public GrievanceClosed {
        Objects.requireNonNull(grievanceId, "grievanceId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(closedBy, "closedBy");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    @Override
    public String subject() {
        return grievanceId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.ofNullable(incidentId);
    }
}
