package io.liandong.grievance.api;

import io.liandong.contracts.grievance.GrievancePriority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the calls that change a grievance. */
public final class ChangeRequests {

    private ChangeRequests() {
    }

    /** {@code category} re-classifies the grievance when the complainant chose the wrong one. */
    public record Triage(@NotNull GrievancePriority priority, @Size(max = 64) String category,
                         @Size(max = 2000) String note, @NotBlank @Size(max = 200) String triagedBy) {
    }

    public record Link(@NotBlank @Size(max = 100) String incidentId, @NotBlank @Size(max = 200) String linkedBy) {
    }

    /** {@code reason} is what the complainant is told. */
    public record Close(@NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 200) String closedBy) {
    }

    public record Reopen(@NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 200) String reopenedBy) {
    }
}
