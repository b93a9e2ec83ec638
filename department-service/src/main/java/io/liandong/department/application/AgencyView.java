package io.liandong.department.application;

import io.liandong.department.domain.Agency;
import java.time.Instant;
import java.util.List;

/** An agency in the registry, with who last changed it and its version (the ETag). */
public record AgencyView(String id, String name, String role, List<String> areas, List<String> competentFor,
                         Agency.OnDuty onDuty, String updatedBy, Instant updatedAt, long version) {
}
