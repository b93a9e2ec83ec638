package io.liandong.contracts.assignment;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** Where an agency's part in an incident stands. */
public enum AssignmentStatus {

    NOTIFIED, ACKNOWLEDGED, EN_ROUTE, ON_SCENE, RELEASED;

    /** The value on the wire, e.g. {@code "en-route"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
