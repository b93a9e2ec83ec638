package io.liandong.contracts.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;

/** The lifecycle of a tracked follow-up item. */
public enum FollowupItemStatus {

    PENDING, IN_PROGRESS, DONE, VERIFIED, DISPUTED, REOPENED;

    /** The value on the wire, e.g. {@code "in-progress"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
