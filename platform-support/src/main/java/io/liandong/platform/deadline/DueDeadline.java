package io.liandong.platform.deadline;

import java.time.Instant;

/**
 * A deadline handed to its handler: what was scheduled, plus when it was noticed.
 *
 * @param id       the row id
 * @param deadline what was scheduled
 * @param firedAt  the checker's "now" (from the injected clock), never before {@code dueAt}
 */
public record DueDeadline(long id, Deadline deadline, Instant firedAt) {
}
