package io.liandong.contracts.resolution;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.common.Party;
import io.liandong.contracts.mediation.Representative;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parties signed an agreement; each commitment in it is tracked by followup-service until
 * verified.
 *
 * @param agreementId        Id of the agreement.
 * @param incidentId         The incident.
 * @param mediationId        The mediation that produced it.
 * @param parties            The parties bound by it.
 * @param signatories        Who signed, for whom.
 * @param signedAt           When it was signed.
 * @param linkedGrievanceIds Grievances it answers; their complainants are asked to verify.
 * @param commitments        The promises made.
 * @param summary            The agreement in brief.
 */
public record ResolutionAgreed(
        String agreementId,
        String incidentId,
        String mediationId,
        List<Party> parties,
        List<Representative> signatories,
        Instant signedAt,
        List<String> linkedGrievanceIds,
        List<Commitment> commitments,
        String summary) implements EventPayload {

    public ResolutionAgreed {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(mediationId, "mediationId");
        parties = List.copyOf(Objects.requireNonNull(parties, "parties"));
        signatories = List.copyOf(Objects.requireNonNull(signatories, "signatories"));
        Objects.requireNonNull(signedAt, "signedAt");
        linkedGrievanceIds = List.copyOf(Objects.requireNonNull(linkedGrievanceIds, "linkedGrievanceIds"));
        commitments = List.copyOf(Objects.requireNonNull(commitments, "commitments"));
    }

    @Override
    public String subject() {
        return agreementId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
