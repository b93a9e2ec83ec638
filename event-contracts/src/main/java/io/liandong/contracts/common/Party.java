package io.liandong.contracts.common;

import java.util.Objects;

/**
 * A party to a dispute, e.g. the merchants of a shopping district or its management company.
 *
 * @param partyId stable id within the incident, referred to by mediation and agreement events
 * @param name    display name, e.g. {@code 滨江商圈商户}
 * @param side    which side of the dispute it is on
 */
public record Party(String partyId, String name, PartySide side) {

    public Party {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
    }
}
