package io.liandong.platform.deadline;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable timer: at {@code dueAt} the handler of {@code kind} is called once, whichever
 * replica notices first.
 *
 * @param kind       picks the {@link DeadlineHandler}, e.g. {@code dispatch.assignment}
 * @param subject    the aggregate it is about, e.g. an assignment id
 * @param name       unique per kind and subject, e.g. {@code acknowledge:warning:50}; scheduling the
 *                   same name twice keeps the first
 * @param incidentId the incident it belongs to, or {@code null}
 * @param dueAt      when it fires
 * @param data       free text for the handler (often JSON), or {@code null}
 */
public record Deadline(String kind, String subject, String name, String incidentId, Instant dueAt, String data) {

    public Deadline {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
