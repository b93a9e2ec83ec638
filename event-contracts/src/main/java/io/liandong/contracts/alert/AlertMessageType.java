package io.liandong.contracts.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** The CAP 1.2 msgType of a public alert message: the first issue, an update, or a cancellation. */
public enum AlertMessageType {

    ALERT, UPDATE, CANCEL;

    /** The value on the wire, e.g. {@code "update"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
