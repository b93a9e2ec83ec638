package io.liandong.dispatch.domain;

import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.Place;
import io.liandong.contracts.incident.Severity;
import java.util.List;

/** What a person, a partner or a grievance surge tells the command HQ when an incident is opened. */
public record IncidentReport(String incidentType, String disputeType, Place place, Severity severity,
                             Integer estimatedCrowdSize, boolean casualtiesReported, List<Party> parties,
                             String description, String reportedBy) {
}
