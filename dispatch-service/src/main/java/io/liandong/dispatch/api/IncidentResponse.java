package io.liandong.dispatch.api;

import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.Place;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.Severity;
import java.time.Instant;
import java.util.List;

/** An incident as partners and operators see it; its version is the ETag header. */
public record IncidentResponse(String id, String incidentType, String disputeType, IncidentStatus status,
                               Severity severity, Place place, Integer estimatedCrowdSize, boolean casualtiesReported,
                               List<Party> parties, String description, String reportedBy, IncidentOrigin origin,
                               String surgeClusterId, String playbookVersion, Instant reportedAt, Instant updatedAt) {
}
