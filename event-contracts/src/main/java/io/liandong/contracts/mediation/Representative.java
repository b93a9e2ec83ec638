package io.liandong.contracts.mediation;

import java.util.Objects;

/**
 * A person speaking or signing for a party (or for the mediating agency, as witness).
 *
 * @param partyId The party represented; the mediating agency's id when it signs as witness.
 * @param name    The representative's name.
 * @param role    Their role, e.g. merchants' representative, general manager.
 */
public record Representative(
        String partyId,
        String name,
        String role) {

    public Representative {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
