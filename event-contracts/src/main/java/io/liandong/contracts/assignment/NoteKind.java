package io.liandong.contracts.assignment;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** A free note, or a structured situation report from the scene. */
public enum NoteKind {

    NOTE, SITUATION_REPORT;

    /** The value on the wire, e.g. {@code "situation-report"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
