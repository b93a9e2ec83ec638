package io.liandong.contracts.incident;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident's severity was raised or lowered; the playbook may add or release agencies.
 *
 * @param incidentId         Id of the incident.
 * @param from               Severity before.
 * @param to                 Severity after.
 * @param estimatedCrowdSize Estimated crowd size at the time, if that is the reason.
 * @param changedBy          Who changed it.
 * @param reason             Why.
 * @param changedAt          When it changed.
 */
public record IncidentSeverityChanged(
        String incidentId,
        Severity from,
        Severity to,
        Integer estimatedCrowdSize,
        String changedBy,
        String reason,
        Instant changedAt) implements EventPayload {

    public IncidentSeverityChanged {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String subject() {
        return incidentId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
