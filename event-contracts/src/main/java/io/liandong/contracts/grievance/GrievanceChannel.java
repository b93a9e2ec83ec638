package io.liandong.contracts.grievance;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** How a grievance reached the platform. */
public enum GrievanceChannel {

    WEB, HOTLINE, PARTNER_APP, WALK_IN;

    /** The value on the wire, e.g. {@code "partner-app"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
