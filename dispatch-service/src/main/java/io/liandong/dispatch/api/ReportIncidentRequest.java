package io.liandong.dispatch.api;

import io.liandong.contracts.common.PartySide;
import io.liandong.contracts.incident.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/v1/incidents}. */
public record ReportIncidentRequest(
        @NotBlank @Size(max = 64) String incidentType,
        @Size(max = 64) String disputeType,
        @NotNull @Valid PlaceRequest place,
        @NotNull Severity severity,
        @PositiveOrZero Integer estimatedCrowdSize,
        Boolean casualtiesReported,
        @Size(max = 50) List<@Valid @NotNull PartyRequest> parties,
        @NotBlank @Size(max = 4000) String description,
        @NotBlank @Size(max = 200) String reportedBy) {

    public record PlaceRequest(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotBlank @Size(max = 500) String address,
            @NotBlank @Pattern(regexp = "\\d{6}(\\d{3}){0,2}", message = "must be a GB/T 2260 area code of 6, 9 or 12 digits")
            String areaCode) {
    }

    public record PartyRequest(@NotBlank @Size(max = 64) String partyId, @NotBlank @Size(max = 200) String name,
                               @NotNull PartySide side) {
    }
}
