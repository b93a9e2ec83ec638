package io.liandong.department.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;
import io.liandong.platform.error.IllegalStateChangeException;

/** open → agreed (an agreement signed) or failed (the negotiation broke down); both are final. */
public enum MediationStatus {

    OPEN, AGREED, FAILED;

    /** The value on the wire, e.g. {@code "agreed"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }

    public void requireOpen(String mediationId) {
        if (this != OPEN) {
            throw new IllegalStateChangeException("mediation " + mediationId + " is " + wireValue()
                    + "; it takes no more sessions, proposals, answers, agreements or failures");
        }
    }
}
