package io.liandong.grievance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liandong.contracts.grievance.GrievanceChannel;
import io.liandong.contracts.grievance.GrievanceOutcome;
import io.liandong.contracts.grievance.GrievancePriority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A grievance as the API shows it. {@code progress} (the detail view only) is what the complainant
 * reads: what happened to the grievance and what the agencies did about its incident.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrievanceResponse(String id, String status, String category, String categoryName, String disputeType,
                                Department competentDepartment, String description, Place place, GrievanceChannel channel,
                                String partnerId, String complainantRef, List<String> attachmentUrls,
                                Map<String, String> attributes, GrievancePriority priority, String incidentId,
                                String surgeClusterId, GrievanceOutcome outcome, String closeReason, Instant closedAt,
                                Instant reopenableUntil, String statusNote, Instant expectedAt, Instant receivedAt,
                                Instant updatedAt, List<Step> progress) {

    public record Department(String code, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(Double lat, Double lon, String address, String areaCode) {
    }

    public record Step(Instant at, String kind, String text) {
    }
}
