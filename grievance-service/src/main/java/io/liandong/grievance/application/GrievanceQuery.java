package io.liandong.grievance.application;

import io.liandong.grievance.domain.GrievanceStatus;
import java.time.Instant;
import java.util.List;

/** Filters of a grievance list; null or empty means any. {@code from} is inclusive, {@code to} exclusive. */
public record GrievanceQuery(List<GrievanceStatus> statuses, List<String> categories, String areaCode,
                             List<String> ids, Instant from, Instant to) {

    public GrievanceQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        categories = categories == null ? List.of() : List.copyOf(categories);
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
