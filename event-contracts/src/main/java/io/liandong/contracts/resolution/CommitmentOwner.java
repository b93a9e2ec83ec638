package io.liandong.contracts.resolution;

import java.util.Objects;

/**
 * Who owes a commitment: a party to the dispute or an agency.
 *
 * @param kind Party or agency.
 * @param id   The party id or the agency id.
 */
public record CommitmentOwner(
        OwnerKind kind,
        String id) {

    public CommitmentOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
