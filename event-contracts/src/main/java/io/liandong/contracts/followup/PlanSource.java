package io.liandong.contracts.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/**
 * What a follow-up plan tracks: the commitments of an agreement, the corrective actions of a review,
 * or mediating again after a failed mediation.
 */
public enum PlanSource {

    AGREEMENT, REVIEW, MEDIATION_FAILED;

    /** The value on the wire, e.g. {@code "review"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
