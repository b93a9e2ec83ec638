package io.liandong.dispatch.domain;

import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.Place;
import io.liandong.contracts.incident.Severity;
import io.liandong.platform.error.InvalidInputException;
import java.util.List;

/** What a person or partner tells the command HQ when reporting an incident. */
public record IncidentReport(String incidentType, String disputeType, Place place, Severity severity,
                            Integer estimatedCrowdSize, List<Party> parties, String description, String reportedBy) {

    /** Refuses a type the command HQ does not handle, naming the ones it does. */
    public void requireKnownType(List<String> knownTypes) {
        if (!knownTypes.contains(incidentType)) {
            throw new InvalidInputException("incidentType",
                    "unknown incident type '" + incidentType + "'; known types: " + String.join(", ", knownTypes));
        }
    }
}
