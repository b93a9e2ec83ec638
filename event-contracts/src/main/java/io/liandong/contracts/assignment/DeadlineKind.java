package io.liandong.contracts.assignment;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** The two clocks of an assignment: acknowledge the assignment, and be on scene. */
public enum DeadlineKind {

    ACKNOWLEDGE, ON_SCENE;

    /** The value on the wire, e.g. {@code "on-scene"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
