package io.liandong.contracts.mediation;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A party accepted, rejected or countered a proposal.
 *
 * @param proposalId   The proposal answered.
 * @param mediationId  Id of the mediation.
 * @param incidentId   The incident.
 * @param partyId      The party answering.
 * @param answer       accept, reject or counter.
 * @param counterTerms The party's terms instead; present exactly when the answer is counter.
 * @param answeredAt   When.
 */
public record MediationProposalAnswered(
        String proposalId,
        String mediationId,
        String incidentId,
        String partyId,
        ProposalAnswer answer,
        List<String> counterTerms,
        Instant answeredAt) implements EventPayload {

    public MediationProposalAnswered {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(mediationId, "mediationId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(answer, "answer");
        counterTerms = counterTerms == null ? null : List.copyOf(counterTerms);
        Objects.requireNonNull(answeredAt, "answeredAt");
    }

    @Override
    public String subject() {
        return mediationId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
