package io.liandong.contracts.grievance;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** How soon a grievance must be looked at, set by triage. */
public enum GrievancePriority {

    LOW, NORMAL, HIGH, URGENT;

    /** The value on the wire, e.g. {@code "urgent"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
