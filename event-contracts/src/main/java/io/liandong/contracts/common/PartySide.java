package io.liandong.contracts.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of the dispute a party is on. */
public enum PartySide {

    CLAIMANT, RESPONDENT, THIRD_PARTY;

    /** The value on the wire, e.g. {@code "third-party"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
