package io.liandong.contracts.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** What a follow-up plan tracks: the commitments of an agreement, or the corrective actions of a review. */
public enum PlanSource {

    AGREEMENT, REVIEW;

    /** The value on the wire, e.g. {@code "review"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
