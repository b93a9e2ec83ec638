package io.liandong.grievance.application;

import io.liandong.contracts.grievance.GrievanceChannel;
import io.liandong.contracts.grievance.GrievanceOutcome;
import io.liandong.contracts.grievance.GrievancePriority;
import io.liandong.grievance.domain.GrievanceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A grievance as the application shows it; contact details are never part of it. */
public record GrievanceView(String id, String token, String category, String categoryName, String disputeType,
                            String department, String departmentName, String serviceNotice, String description,
                            Double lat, Double lon, String address, String areaCode, GrievanceChannel channel,
                            String partnerId, String jurisdictionId, String complainantRef, List<String> attachmentUrls,
                            Map<String, String> attributes, GrievanceStatus status, GrievancePriority priority,
                            String incidentId, String surgeClusterId, GrievanceOutcome outcome, String closeReason,
                            Instant closedAt, Instant reopenableUntil, String statusNote, Instant expectedAt,
                            Instant receivedAt, Instant updatedAt, long version) {
}
