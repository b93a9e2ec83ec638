package io.liandong.contracts.resolution;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** Once by the due date, recurring at a fixed period, or in numbered stages. */
public enum ScheduleKind {

    ONCE, RECURRING, STAGED;

    /** The value on the wire, e.g. {@code "staged"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
