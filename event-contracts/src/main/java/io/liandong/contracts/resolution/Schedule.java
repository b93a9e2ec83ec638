package io.liandong.contracts.resolution;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * When a commitment is carried out.
 *
 * @param kind        Once by the due date, recurring at a fixed period, or in stages.
 * @param startsAt    First occurrence of a recurring commitment.
 * @param every       ISO-8601 period between occurrences of a recurring commitment, e.g. P1M.
 * @param occurrences How many times a recurring commitment is carried out.
 * @param stages      The stages of a staged commitment, in order.
 */
public record Schedule(
        ScheduleKind kind,
        Instant startsAt,
        Period every,
        Integer occurrences,
        List<Stage> stages) {

    public Schedule {
        Objects.requireNonNull(kind, "kind");
        stages = stages == null ? null : List.copyOf(stages);
    }
}
