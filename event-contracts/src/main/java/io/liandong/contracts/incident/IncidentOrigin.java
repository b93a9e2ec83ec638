package io.liandong.contracts.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** Who opened an incident: an HQ operator, a partner system, or the surge detector. */
public enum IncidentOrigin {

    OPERATOR, PARTNER, SURGE;

    /** The value on the wire, e.g. {@code "surge"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
