package io.liandong.contracts.grievance;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A grievance was classified and given a priority.
 *
 * @param grievanceId Id of the grievance.
 * @param category    Confirmed category.
 * @param disputeType Confirmed dispute type.
 * @param priority    How soon it must be looked at.
 * @param triagedBy   The operator, or grievance-service for automatic triage.
 * @param triagedAt   When it was triaged.
 * @param note        Why, if the operator said.
 */
public record GrievanceTriaged(
        String grievanceId,
        String category,
        String disputeType,
        GrievancePriority priority,
        String triagedBy,
        Instant triagedAt,
        String note) implements EventPayload {

    public GrievanceTriaged {
        Objects.requireNonNull(grievanceId, "grievanceId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(disputeType, "disputeType");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(triagedBy, "triagedBy");
        Objects.requireNonNull(triagedAt, "triagedAt");
    }

    @Override
    public String subject() {
        return grievanceId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.empty();
    }
}
