package io.liandong.contracts.resolution;

import java.util.Objects;

/**
 * How the fulfilment of a commitment is verified.
 *
 * @param verifierAgencyId        The agency that checks it, e.g. the commerce bureau.
 * @param beneficiaryConfirmation Whether the beneficiaries are also asked to confirm it (through their
 *                                grievances).
 * @param evidence                What counts as proof.
 */
public record Verification(
        String verifierAgencyId,
        boolean beneficiaryConfirmation,
        String evidence) {

    public Verification {
        Objects.requireNonNull(verifierAgencyId, "verifierAgencyId");
        Objects.requireNonNull(evidence, "evidence");
    }
}
