package io.liandong.department.api;

import io.liandong.contracts.common.Party;
import io.liandong.contracts.mediation.Demand;
import io.liandong.contracts.mediation.Representative;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.CommitmentOwner;
import io.liandong.contracts.resolution.Schedule;
import io.liandong.contracts.resolution.Stage;
import io.liandong.contracts.resolution.Verification;
import io.liandong.department.application.MediationViews;
import io.liandong.department.domain.Agency;
import java.util.List;

/** Between the API's request bodies and the application's values. */
final class Mapper {

    private Mapper() {
    }

    static Agency agency(String id, Requests.PutAgency r) {
        return new Agency(id, r.name(), r.role(), r.areas(), r.competentFor(), new Agency.OnDuty(r.onDuty().name(),
                r.onDuty().title(), r.onDuty().contacts().stream().map(c -> new Agency.Contact(c.channel(), c.value())).toList()));
    }

    static List<Party> parties(List<Requests.PartyRequest> parties) {
        return parties == null ? null : parties.stream().map(p -> new Party(p.partyId(), p.name(), p.side())).toList();
    }

    static List<Representative> representatives(List<Requests.RepresentativeRequest> r) {
        return r.stream().map(x -> new Representative(x.partyId(), x.name(), x.role())).toList();
    }

    static MediationViews.NewSession session(Requests.HoldSession r) {
        return new MediationViews.NewSession(r.heldAt(), r.location(), representatives(r.representatives()),
                r.demands() == null ? List.of() : r.demands().stream().map(d -> new Demand(d.partyId(), d.demand())).toList(),
                r.summary());
    }

    static MediationViews.AgreementDraft agreement(Requests.Agree r) {
        return new MediationViews.AgreementDraft(parties(r.parties()), representatives(r.signatories()), r.signedAt(),
                r.commitments().stream().map(Mapper::commitment).toList(), r.linkedGrievanceIds(), r.summary());
    }

    private static Commitment commitment(Requests.CommitmentRequest c) {
        Requests.ScheduleRequest s = c.schedule();
        List<Stage> stages = s.stages() == null ? null
                : s.stages().stream().map(x -> new Stage(x.stage(), x.dueAt(), x.description())).toList();
        return new Commitment("to-be-numbered", new CommitmentOwner(c.owner().kind(), c.owner().id()), c.action(), c.dueAt(),
                new Verification(c.verification().verifierAgencyId(), c.verification().beneficiaryConfirmation(),
                        c.verification().evidence()),
                new Schedule(s.kind(), s.startsAt(), s.every(), s.occurrences(), stages),
                c.beneficiaries() == null ? List.of() : c.beneficiaries());
    }
}
