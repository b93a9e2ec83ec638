package io.liandong.contracts.incident;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.Place;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command HQ opened an incident: an operator reported it, a partner system did, or a grievance
 * surge did.
 *
 * @param incidentId         Id of the incident.
 * @param incidentType       Incident type; picks the playbook, e.g. commercial-dispute.
 * @param disputeType        What the dispute is about, e.g. rent-increase, when known.
 * @param place              Where it is happening.
 * @param severity           Initial severity.
 * @param estimatedCrowdSize Estimated number of people on the scene.
 * @param parties            Known parties to the dispute.
 * @param description        What is happening.
 * @param reportedBy         The operator, partner or service that reported it.
 * @param origin             operator, partner or surge.
 * @param surgeClusterId     The grievance surge that raised it; present exactly when origin is surge.
 * @param playbookVersion    The playbook version the response follows, e.g. key-areas/commercial-
 *                           dispute@3.
 * @param goldenPeriod       That playbook's golden period: the time from the first police arrival within which the
 *                           scene is to be under control. Absent from the reports of earlier versions.
 * @param reportedAt         When it was reported.
 */
public record IncidentReported(
        String incidentId,
        String incidentType,
        String disputeType,
        Place place,
        Severity severity,
        Integer estimatedCrowdSize,
        List<Party> parties,
        String description,
        String reportedBy,
        IncidentOrigin origin,
        String surgeClusterId,
        String playbookVersion,
        Duration goldenPeriod,
        Instant reportedAt) implements EventPayload {

    public IncidentReported {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(incidentType, "incidentType");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(severity, "severity");
        parties = List.copyOf(Objects.requireNonNull(parties, "parties"));
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(playbookVersion, "playbookVersion");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (goldenPeriod != null && (goldenPeriod.isZero() || goldenPeriod.isNegative())) {
            throw new IllegalArgumentException("goldenPeriod must be positive: " + goldenPeriod);
        }
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
