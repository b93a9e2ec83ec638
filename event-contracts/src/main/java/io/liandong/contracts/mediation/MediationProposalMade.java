package io.liandong.contracts.mediation;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposal was put to the parties.
 *
 * @param proposalId  Id of the proposal.
 * @param mediationId Id of the mediation.
 * @param incidentId  The incident.
 * @param proposedBy  The party id, or the mediating agency's id.
 * @param terms       The terms proposed.
 * @param madeAt      When.
 */
public record MediationProposalMade(
        String proposalId,
        String mediationId,
        String incidentId,
        String proposedBy,
        List<String> terms,
        Instant madeAt) implements EventPayload {

    public MediationProposalMade {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(mediationId, "mediationId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(proposedBy, "proposedBy");
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        Objects.requireNonNull(madeAt, "madeAt");
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
