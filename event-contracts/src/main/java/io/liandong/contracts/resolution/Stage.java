package io.liandong.contracts.resolution;

import java.time.Instant;
import java.util.Objects;

/**
 * One numbered stage of a staged commitment.
 *
 * @param stage       Stage number, from 1.
 * @param dueAt       When the stage takes effect or must be done.
 * @param description What happens in this stage.
 */
public record Stage(
        int stage,
        Instant dueAt,
        String description) {

    public Stage {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(description, "description");
    }
}
