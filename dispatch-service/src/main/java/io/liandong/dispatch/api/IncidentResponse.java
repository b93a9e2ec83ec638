package io.liandong.dispatch.api;

import io.liandong.contracts.common.Place;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.Severity;
import java.time.Instant;

/** An incident as partners and operators see it. */
public record IncidentResponse(String id, String incidentType, String disputeType, IncidentStatus status,
                               Severity severity, Place place, Integer estimatedCrowdSize, String description,
                               String reportedBy, IncidentOrigin origin, String playbookVersion, Instant reportedAt) {
}
