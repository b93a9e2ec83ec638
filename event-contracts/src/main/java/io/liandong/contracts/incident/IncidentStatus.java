package io.liandong.contracts.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** The lifecycle of an incident at the command HQ. */
public enum IncidentStatus {

    REPORTED, DISPATCHED, ON_SCENE, UNDER_CONTROL, MEDIATING, RESOLVED, CLOSED, CANCELLED;

    /** The value on the wire, e.g. {@code "under-control"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
