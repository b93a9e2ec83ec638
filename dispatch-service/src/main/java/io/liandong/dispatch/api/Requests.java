package io.liandong.dispatch.api;

import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The bodies of the command HQ's changing calls. */
public final class Requests {

    private Requests() {
    }

    public record ChangeStatus(@NotNull IncidentStatus status, @NotBlank @Size(max = 200) String changedBy,
                               @Size(max = 2000) String reason) {
    }

    public record ChangeSeverity(@NotNull Severity severity, @PositiveOrZero Integer estimatedCrowdSize,
                                 Boolean casualtiesReported, @NotBlank @Size(max = 200) String changedBy,
                                 @NotBlank @Size(max = 2000) String reason) {
    }

    public record AddAssignment(@NotBlank @Size(max = 128) String agencyId, @NotBlank @Size(max = 200) String createdBy) {
    }

    public record MoveAssignment(@NotNull AssignmentStatus status, @NotBlank @Size(max = 200) String changedBy,
                                 @Size(max = 2000) String reason) {
    }

    public record RecordMilestone(@NotBlank @Size(max = 64) String milestone, @NotBlank @Size(max = 128) String agencyId,
                                  @NotBlank @Size(max = 200) String recordedBy, @Size(max = 2000) String note,
                                  Instant recordedAt) {
    }

    public record AcceptProposal(@NotBlank @Size(max = 200) String acceptedBy, @Size(max = 64) String incidentType,
                                 Severity severity) {
    }

    public record DismissProposal(@NotBlank @Size(max = 200) String dismissedBy, @NotBlank @Size(max = 2000) String reason) {
    }

    public record PointRequest(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                               @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    /** A public alert's content, in CAP's words. */
    public record AlertRequest(
            @NotBlank @Size(max = 160) String headline,
            @Size(max = 2000) String instruction,
            @Pattern(regexp = "Immediate|Expected|Future|Past|Unknown") String urgency,
            @Pattern(regexp = "Extreme|Severe|Moderate|Minor|Unknown") String severity,
            @Pattern(regexp = "Observed|Likely|Possible|Unlikely|Unknown") String certainty,
            @Pattern(regexp = "Shelter|Evacuate|Prepare|Execute|Avoid|Monitor|Assess|AllClear|None") String responseType,
            @Pattern(regexp = "Geo|Met|Safety|Security|Rescue|Fire|Health|Env|Transport|Infra|CBRNE|Other") String category,
            @Size(max = 500) String areaDesc,
            @Valid PointRequest centre,
            @Positive @DecimalMax("100") Double radiusKm,
            @Size(max = 100) List<@Valid @NotNull PointRequest> polygon,
            Instant expiresAt,
            @NotBlank @Size(max = 200) String sentBy) {
    }

    public record CancelAlert(@NotBlank @Size(max = 200) String sentBy, @Size(max = 2000) String reason) {
    }
}
