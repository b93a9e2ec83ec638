package io.liandong.contracts.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** How serious an incident is; the playbook scales the response with it. */
public enum Severity {

    LOW, MEDIUM, HIGH, CRITICAL;

    /** The value on the wire, e.g. {@code "critical"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
