package io.liandong.contracts.grievance;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** How a grievance ended: {@code RESOLVED} when its cause was dealt with, {@code CLOSED} otherwise (duplicate, withdrawn, out of scope). */
public enum GrievanceOutcome {

    RESOLVED, CLOSED;

    /** The value on the wire, e.g. {@code "closed"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
