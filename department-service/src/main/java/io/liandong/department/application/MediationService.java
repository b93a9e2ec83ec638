package io.liandong.department.application;

import com.fasterxml.jackson.core.type.TypeReference;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.mediation.Demand;
import io.liandong.contracts.mediation.MediationProposalAnswered;
import io.liandong.contracts.mediation.MediationProposalMade;
import io.liandong.contracts.mediation.MediationSessionHeld;
import io.liandong.contracts.mediation.ProposalAnswer;
import io.liandong.contracts.mediation.Representative;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ResolutionFailed;
import io.liandong.department.config.DepartmentConfig;
import io.liandong.department.domain.AgreementRules;
import io.liandong.department.domain.MediationStatus;
import io.liandong.department.domain.ProposalStatus;
import io.liandong.department.persistence.IncidentGrievanceEntity;
import io.liandong.department.persistence.IncidentSummaryEntity;
import io.liandong.department.persistence.MediationEntity;
import io.liandong.department.persistence.MediationSessionEntity;
import io.liandong.department.persistence.ProposalAnswerEntity;
import io.liandong.department.persistence.ProposalEntity;
import io.liandong.platform.error.FieldError;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.idempotency.Idempotency;
import io.liandong.platform.versioning.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mediation run by the competent department: sessions with each party's representatives and demands,
 * proposals and each party's answer, and the end: an agreement whose terms become tracked commitments
 * (resolution.agreed), or a failure that is published so that follow-up makes someone try again
 * (resolution.failed).
 */
@ApplicationScoped
@Transactional
public class MediationService {

    private static final TypeReference<List<Party>> PARTIES = new TypeReference<>() { };

    private final Events events;
    private final Clock clock;
    private final AgencyService agencies;
    private final DepartmentConfig config;
    private final Idempotency idempotency;

    MediationService(Events events, Clock clock, AgencyService agencies, DepartmentConfig config, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.events = events;
        this.clock = clock;
        this.agencies = agencies;
        this.config = config;
    }

    record OpenRequest(String incidentId, List<Party> parties, String openedBy) {
    }

    record ProposalRequest(String mediationId, String proposedBy, List<String> terms) {
    }

    record SessionRequest(String mediationId, MediationViews.NewSession session) {
    }

    /** With an Idempotency-Key (scoped per calling agency), a retry returns the first answer and opens nothing. */
    public Idempotency.Outcome<MediationViews.MediationView> open(String agencyId, String incidentId, List<Party> parties,
                                                                  String openedBy, String idempotencyKey) {
        return idempotency.run("POST /api/v1/mediations " + agencyId, idempotencyKey, new OpenRequest(incidentId, parties, openedBy),
                MediationViews.MediationView.class, () -> open(agencyId, incidentId, parties, openedBy));
    }

    public Idempotency.Outcome<MediationViews.SessionView> holdSession(String agencyId, String mediationId,
                                                                       MediationViews.NewSession s, String idempotencyKey) {
        return idempotency.run("POST /api/v1/mediations/{id}/sessions " + agencyId, idempotencyKey,
                new SessionRequest(mediationId, s), MediationViews.SessionView.class, () -> holdSession(agencyId, mediationId, s));
    }

    public Idempotency.Outcome<MediationViews.ProposalView> propose(String agencyId, String mediationId, String proposedBy,
                                                                    List<String> terms, String idempotencyKey) {
        return idempotency.run("POST /api/v1/mediations/{id}/proposals " + agencyId, idempotencyKey,
                new ProposalRequest(mediationId, proposedBy, terms), MediationViews.ProposalView.class,
                () -> propose(agencyId, mediationId, proposedBy, terms));
    }

    /** Opens a mediation for an incident, run by the calling agency; the parties default to the incident's. */
    MediationViews.MediationView open(String agencyId, String incidentId, List<Party> parties, String openedBy) {
        if (!agencies.exists(agencyId)) {
            throw new InvalidInputException("agency", "no agency '" + agencyId + "' in the registry (the token's agency claim)");
        }
        List<Party> bound = parties;
        if (bound == null) {
            IncidentSummaryEntity incident = IncidentSummaryEntity.findById(incidentId);
            bound = incident == null ? List.of() : Json.read(incident.parties, PARTIES);
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < bound.size(); i++) {
            if (!ids.add(bound.get(i).partyId())) {
                errors.add(new FieldError("parties[" + i + "].partyId", "is used twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        MediationEntity m = new MediationEntity();
        m.id = "med-" + UUID.randomUUID();
        m.incidentId = incidentId;
        m.mediatingAgencyId = agencyId;
        m.parties = Json.write(bound);
        m.status = WireValues.of(MediationStatus.OPEN);
        m.openedBy = openedBy;
        m.openedAt = clock.instant();
        m.persist();
        MediationEntity.flush();
        return view(m);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MediationViews.MediationView get(String agencyId, String mediationId) {
        return view(find(agencyId, mediationId));
    }

    /** Any agency's mediation, for those who see every agency's (the HQ, auditors). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MediationViews.MediationView getForAnyAgency(String mediationId) {
        MediationEntity m = MediationEntity.findById(mediationId);
        if (m == null) {
            throw new UnknownResourceException("mediation", mediationId);
        }
        return view(m);
    }

    /** Every agency's mediations of an incident, for those who see every agency's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MediationViews.MediationView> ofIncidentForAnyAgency(String incidentId) {
        return MediationEntity.<MediationEntity>list("incidentId = ?1 ORDER BY openedAt, id", incidentId).stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MediationViews.MediationView> ofIncident(String agencyId, String incidentId) {
        return MediationEntity.<MediationEntity>list("incidentId = ?1 AND mediatingAgencyId = ?2 ORDER BY openedAt, id",
                incidentId, agencyId).stream().map(this::view).toList();
    }

    MediationViews.SessionView holdSession(String agencyId, String mediationId, MediationViews.NewSession s) {
        MediationEntity m = open(agencyId, mediationId);
        Set<String> parties = partyIds(m);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < s.representatives().size(); i++) {
            String id = s.representatives().get(i).partyId();
            if (!parties.contains(id) && !id.equals(m.mediatingAgencyId)) {
                errors.add(new FieldError("representatives[" + i + "].partyId", "'" + id + "' is no party of this mediation"));
            }
        }
        for (int i = 0; i < s.demands().size(); i++) {
            if (!parties.contains(s.demands().get(i).partyId())) {
                errors.add(new FieldError("demands[" + i + "].partyId", "'" + s.demands().get(i).partyId()
                        + "' is no party of this mediation"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        MediationSessionEntity e = new MediationSessionEntity();
        e.mediationId = m.id;
        e.sessionNumber = (int) MediationSessionEntity.count("mediationId", m.id) + 1;
        e.heldAt = s.heldAt() == null ? clock.instant() : s.heldAt();
        e.location = s.location();
        e.representatives = Json.write(s.representatives());
        e.demands = Json.write(s.demands());
        e.summary = s.summary();
        e.persist();
        events.publish(new MediationSessionHeld(m.id, m.incidentId, e.sessionNumber, e.heldAt, e.location, m.mediatingAgencyId,
                s.representatives(), s.demands(), s.summary()), null);
        return session(e);
    }

    MediationViews.ProposalView propose(String agencyId, String mediationId, String proposedBy, List<String> terms) {
        MediationEntity m = open(agencyId, mediationId);
        if (!partyIds(m).contains(proposedBy) && !proposedBy.equals(m.mediatingAgencyId)) {
            throw new InvalidInputException("proposedBy", "'" + proposedBy + "' is neither a party nor the mediating agency");
        }
        ProposalEntity p = new ProposalEntity();
        p.id = "prp-" + UUID.randomUUID();
        p.mediationId = m.id;
        p.proposedBy = proposedBy;
        p.terms = Json.write(terms);
        p.status = WireValues.of(ProposalStatus.OPEN);
        p.madeAt = clock.instant();
        p.persist();
        events.publish(new MediationProposalMade(p.id, m.id, m.incidentId, proposedBy, terms, p.madeAt), null);
        return proposal(p);
    }

    /** One party's answer; a counter carries its terms. Decided proposals and second answers are refused (409). */
    public MediationViews.ProposalView answer(String agencyId, String mediationId, String proposalId, String partyId,
                                              ProposalAnswer answer, List<String> counterTerms) {
        MediationEntity m = open(agencyId, mediationId);
        ProposalEntity p = ProposalEntity.findById(proposalId);
        if (p == null || !p.mediationId.equals(m.id)) {
            throw new UnknownResourceException("proposal of mediation " + mediationId, proposalId);
        }
        Set<String> parties = partyIds(m);
        if (!parties.contains(partyId)) {
            throw new InvalidInputException("partyId", "'" + partyId + "' is no party of this mediation");
        }
        boolean counter = answer == ProposalAnswer.COUNTER;
        if (counter && (counterTerms == null || counterTerms.isEmpty())) {
            throw new InvalidInputException("counterTerms", "a counter gives the party's terms");
        }
        if (!counter && counterTerms != null && !counterTerms.isEmpty()) {
            throw new InvalidInputException("counterTerms", "only a counter gives terms");
        }
        WireValues.parse(ProposalStatus.class, p.status).requireOpen(proposalId);
        Map<String, ProposalAnswer> answers = answers(p.id);
        if (answers.containsKey(partyId)) {
            throw new IllegalStateChangeException("party " + partyId + " has answered proposal " + proposalId + " already");
        }
        ProposalAnswerEntity a = new ProposalAnswerEntity();
        a.proposalId = p.id;
        a.partyId = partyId;
        a.answer = WireValues.of(answer);
        a.counterTerms = counter ? Json.write(counterTerms) : null;
        a.answeredAt = clock.instant();
        a.persist();
        answers.put(partyId, answer);
        p.status = WireValues.of(ProposalStatus.of(answers, parties));
        events.publish(new MediationProposalAnswered(p.id, m.id, m.incidentId, partyId, answer, counter ? counterTerms : null,
                a.answeredAt), null);
        ProposalEntity.flush();
        return proposal(p);
    }

    /**
     * The agreement is signed: checked whole (parties, signatures, commitments with owner, due date,
     * verifier and a schedule that fits), stored, and published with its commitments and the
     * grievances it answers. If-Match guards against two people closing one mediation.
     */
    public MediationViews.MediationView agree(String agencyId, String mediationId, MediationViews.AgreementDraft draft,
                                              String ifMatch) {
        MediationEntity m = find(agencyId, mediationId);
        Versions.requireMatch(ifMatch, m.version, "mediation", mediationId);
        WireValues.parse(MediationStatus.class, m.status).requireOpen(mediationId);
        List<Party> parties = draft.parties() != null ? draft.parties() : Json.read(m.parties, PARTIES);
        Instant signedAt = draft.signedAt() == null ? clock.instant() : draft.signedAt();
        List<FieldError> errors = AgreementRules.check(parties, draft.signatories(), draft.commitments(), signedAt,
                agencies::exists);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String agreementId = "agr-" + UUID.randomUUID();
        List<Commitment> commitments = new ArrayList<>();
        for (int i = 0; i < draft.commitments().size(); i++) {
            Commitment c = draft.commitments().get(i);
            commitments.add(new Commitment(agreementId + "-" + (i + 1), c.owner(), c.action(), c.dueAt(), c.verification(),
                    c.schedule(), c.beneficiaries()));
        }
        Set<String> grievances = new LinkedHashSet<>(IncidentGrievanceEntity.grievancesOf(m.incidentId));
        if (draft.linkedGrievanceIds() != null) {
            grievances.addAll(draft.linkedGrievanceIds());
        }
        ResolutionAgreed agreed = new ResolutionAgreed(agreementId, m.incidentId, m.id, parties, draft.signatories(), signedAt,
                List.copyOf(grievances), commitments, draft.summary());
        m.parties = Json.write(parties);
        m.status = WireValues.of(MediationStatus.AGREED);
        m.agreementId = agreementId;
        m.agreement = EventJson.write(agreed);
        m.closedAt = signedAt;
        events.publish(agreed, null);
        MediationEntity.flush();
        return view(m);
    }

    /** The negotiation broke down: recorded and published, so that it is followed up and tried again. */
    public MediationViews.MediationView fail(String agencyId, String mediationId, String reason, Integer mediateAgainWithinDays,
                                             String ifMatch) {
        MediationEntity m = find(agencyId, mediationId);
        Versions.requireMatch(ifMatch, m.version, "mediation", mediationId);
        WireValues.parse(MediationStatus.class, m.status).requireOpen(mediationId);
        int days = mediateAgainWithinDays == null ? config.mediation().mediateAgainWithinDays() : mediateAgainWithinDays;
        Instant now = clock.instant();
        m.status = WireValues.of(MediationStatus.FAILED);
        m.failureReason = reason;
        m.mediateAgainWithinDays = days;
        m.closedAt = now;
        events.publish(new ResolutionFailed(m.id, m.incidentId, now, reason, m.mediatingAgencyId, days), null);
        MediationEntity.flush();
        return view(m);
    }

    private MediationEntity open(String agencyId, String mediationId) {
        MediationEntity m = find(agencyId, mediationId);
        WireValues.parse(MediationStatus.class, m.status).requireOpen(mediationId);
        return m;
    }

    /** Only the mediating agency sees its mediation; for anyone else it does not exist. */
    static MediationEntity find(String agencyId, String mediationId) {
        MediationEntity m = MediationEntity.findById(mediationId);
        if (m == null || !m.mediatingAgencyId.equals(agencyId)) {
            throw new UnknownResourceException("mediation run by " + agencyId, mediationId);
        }
        return m;
    }

    private static Set<String> partyIds(MediationEntity m) {
        return Json.read(m.parties, PARTIES).stream().map(Party::partyId).collect(Collectors.toSet());
    }

    private static Map<String, ProposalAnswer> answers(String proposalId) {
        Map<String, ProposalAnswer> answers = new LinkedHashMap<>();
        ProposalAnswerEntity.of(proposalId).forEach(a -> answers.put(a.partyId, WireValues.parse(ProposalAnswer.class, a.answer)));
        return answers;
    }

    private MediationViews.MediationView view(MediationEntity m) {
        return new MediationViews.MediationView(m.id, m.incidentId, m.mediatingAgencyId, Json.read(m.parties, PARTIES),
                WireValues.parse(MediationStatus.class, m.status), m.openedBy, m.openedAt,
                MediationSessionEntity.of(m.id).stream().map(MediationService::session).toList(),
                ProposalEntity.of(m.id).stream().map(MediationService::proposal).toList(),
                m.agreement == null ? null : EventJson.read(m.agreement, ResolutionAgreed.class), m.closedAt, m.failureReason,
                m.mediateAgainWithinDays, m.version);
    }

    private static MediationViews.SessionView session(MediationSessionEntity e) {
        return new MediationViews.SessionView(e.sessionNumber, e.heldAt, e.location,
                Json.read(e.representatives, new TypeReference<List<Representative>>() { }),
                Json.read(e.demands, new TypeReference<List<Demand>>() { }), e.summary);
    }

    private static MediationViews.ProposalView proposal(ProposalEntity p) {
        return new MediationViews.ProposalView(p.id, p.proposedBy, Json.read(p.terms, new TypeReference<List<String>>() { }),
                WireValues.parse(ProposalStatus.class, p.status), p.madeAt, ProposalAnswerEntity.of(p.id).stream()
                .map(a -> new MediationViews.AnswerView(a.partyId, WireValues.parse(ProposalAnswer.class, a.answer),
                        a.counterTerms == null ? null : Json.read(a.counterTerms, new TypeReference<List<String>>() { }),
                        a.answeredAt)).toList());
    }
}
