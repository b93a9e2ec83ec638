package io.liandong.contracts.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** The four groups of the on-site team, as the key-areas emergency standard organises it. */
public enum OnSiteGroup {

    ORDER_MAINTENANCE, MEDIATION, CROWD_GUIDANCE, LOGISTICS;

    /** The value on the wire, e.g. {@code "order-maintenance"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }
}
