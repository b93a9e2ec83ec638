package io.liandong.followup.domain;

import io.liandong.contracts.resolution.Schedule;
import io.liandong.contracts.resolution.Stage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracked occurrences of a commitment: once → one, due at the commitment's due date; staged →
 * one per stage, due at the stage's date; recurring → one per occurrence, from {@code startsAt}
 * every {@code every} (calendar periods in UTC), at most {@value #MAX} of them. A schedule that lacks
 * what its kind needs is tracked once, at the commitment's due date.
 */
public final class Occurrences {

    public static final int MAX = 120;

    /** @param occurrence null for a one-off commitment, else the stage or occurrence number from 1 */
    public record Occurrence(Integer occurrence, Instant dueAt, String detail) {
    }

    private Occurrences() {
    }

    public static List<Occurrence> of(Schedule schedule, Instant dueAt) {
        List<Occurrence> result = new ArrayList<>();
        switch (schedule.kind()) {
            case STAGED -> {
                if (schedule.stages() != null) {
                    for (Stage s : schedule.stages()) {
                        result.add(new Occurrence(s.stage(), s.dueAt(), "stage " + s.stage() + ": " + s.description()));
                    }
                }
            }
            case RECURRING -> {
                if (schedule.startsAt() != null && schedule.every() != null && schedule.occurrences() != null
                        && !schedule.every().isZero() && !schedule.every().isNegative()) {
                    int n = Math.min(schedule.occurrences(), MAX);
                    for (int k = 0; k < n; k++) {
                        Instant at = schedule.startsAt().atOffset(ZoneOffset.UTC).plus(schedule.every().multipliedBy(k)).toInstant();
                        result.add(new Occurrence(k + 1, at, "occurrence " + (k + 1) + " of " + schedule.occurrences()));
                    }
                }
            }
            case ONCE -> { }
        }
        if (result.isEmpty()) {
            result.add(new Occurrence(null, dueAt, null));
        }
        return result;
    }
}
