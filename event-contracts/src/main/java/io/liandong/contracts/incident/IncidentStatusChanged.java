package io.liandong.contracts.incident;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident moved through its lifecycle.
 *
 * @param incidentId Id of the incident.
 * @param from       Status before.
 * @param to         Status after.
 * @param changedBy  Who or what changed it.
 * @param reason     Why, if given.
 * @param changedAt  When it changed.
 */
public record IncidentStatusChanged(
        String incidentId,
        IncidentStatus from,
        IncidentStatus to,
        String changedBy,
        String reason,
        Instant changedAt) implements EventPayload {

    public IncidentStatusChanged {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedBy, "changedBy");
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
