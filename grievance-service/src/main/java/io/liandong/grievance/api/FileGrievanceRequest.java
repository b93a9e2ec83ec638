package io.liandong.grievance.api;

import io.liandong.contracts.grievance.GrievanceChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/grievances}. */
public record FileGrievanceRequest(
        @NotBlank @Size(max = 64) String category,
        @NotBlank @Size(max = 4000) String description,
        @NotNull @Valid PlaceRequest place,
        @NotNull GrievanceChannel channel,
        @Size(min = 1, max = 128) String partnerId,
        @Valid ContactRequest contact,
        @Size(max = 10) List<@NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> attachmentUrls,
        @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 2000) String> attributes) {

    /** Coordinates and/or an address, and always the area code. */
    public record PlaceRequest(
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Size(min = 1, max = 500) String address,
            @NotBlank @Pattern(regexp = "\\d{6}(\\d{3}){0,2}", message = "must be a GB/T 2260 area code of 6, 9 or 12 digits")
            String areaCode) {
    }

    /** Optional and protected: kept only in grievance-service, shown only to the department handling the grievance. */
    public record ContactRequest(
            @Size(max = 200) String name,
            @Size(max = 50) @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number") String phone,
            @Size(max = 320) @Email String email) {
    }
}
