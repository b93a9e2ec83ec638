package io.liandong.grievance.domain;

import java.time.Instant;

/** One line of a grievance's progress as the complainant reads it, e.g. "Handled by the commerce bureau". */
public record ProgressStep(Instant at, String kind, String text) {
}
