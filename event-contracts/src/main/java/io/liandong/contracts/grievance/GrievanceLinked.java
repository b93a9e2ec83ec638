package io.liandong.contracts.grievance;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A grievance was linked to an incident, so the incident's answer reaches the people who
 * complained.
 *
 * @param grievanceId    Id of the grievance.
 * @param incidentId     The incident it is now part of.
 * @param linkedBy       The operator, or the service that linked it automatically.
 * @param linkedAt       When it was linked.
 * @param surgeClusterId The surge cluster through which it was linked, if any.
 */
public record GrievanceLinked(
        String grievanceId,
        String incidentId,
        String linkedBy,
        Instant linkedAt,
        String surgeClusterId) implements EventPayload {

    public GrievanceLinked {
        Objects.requireNonNull(grievanceId, "grievanceId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(linkedBy, "linkedBy");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }

    @Override
    public String subject() {
        return grievanceId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
