package io.liandong.contracts.mediation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** A party's answer to a proposal. */
public enum ProposalAnswer {

    ACCEPT, REJECT, COUNTER;

    /** The value on the wire, e.g. {@code "counter"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
