package io.liandong.department.application;

import io.liandong.contracts.common.Party;
import io.liandong.contracts.mediation.Demand;
import io.liandong.contracts.mediation.ProposalAnswer;
import io.liandong.contracts.mediation.Representative;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.department.domain.MediationStatus;
import io.liandong.department.domain.ProposalStatus;
import java.time.Instant;
import java.util.List;

/** A mediation as its mediating agency reads it, and what goes into one. */
public final class MediationViews {

    private MediationViews() {
    }

    public record MediationView(String id, String incidentId, String mediatingAgencyId, List<Party> parties,
                                MediationStatus status, String openedBy, Instant openedAt, List<SessionView> sessions,
                                List<ProposalView> proposals, ResolutionAgreed agreement, Instant closedAt,
                                String failureReason, Integer mediateAgainWithinDays, long version) {
    }

    public record SessionView(int sessionNumber, Instant heldAt, String location, List<Representative> representatives,
                              List<Demand> demands, String summary) {
    }

    public record ProposalView(String id, String proposedBy, List<String> terms, ProposalStatus status, Instant madeAt,
                               List<AnswerView> answers) {
    }

    public record AnswerView(String partyId, ProposalAnswer answer, List<String> counterTerms, Instant answeredAt) {
    }

    public record NewSession(Instant heldAt, String location, List<Representative> representatives, List<Demand> demands,
                             String summary) {
    }

    /**
     * An agreement to sign. {@code parties}, when given, are the parties it binds (else the mediation's);
     * commitment ids are given by the service; {@code linkedGrievanceIds} add to the grievances linked to
     * the incident.
     */
    public record AgreementDraft(List<Party> parties, List<Representative> signatories, Instant signedAt,
                                 List<Commitment> commitments, List<String> linkedGrievanceIds, String summary) {
    }
}
