package io.liandong.contracts.mediation;

import java.util.Objects;

/**
 * One demand a party put on the table.
 *
 * @param partyId The party making the demand.
 * @param demand  The demand in the party's words.
 */
public record Demand(
        String partyId,
        String demand) {

    public Demand {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(demand, "demand");
    }
}
