package io.liandong.contracts.resolution;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** Whether a commitment is owed by a party to the dispute or by an agency. */
public enum OwnerKind {

    PARTY, AGENCY;

    /** The value on the wire, e.g. {@code "agency"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
