package io.liandong.department.domain;

import io.liandong.contracts.common.Party;
import io.liandong.contracts.mediation.Representative;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.OwnerKind;
import io.liandong.contracts.resolution.Schedule;
import io.liandong.contracts.resolution.Stage;
import io.liandong.platform.error.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What an agreement must hold before it is signed: the parties, a signature from a representative of
 * each, and commitments each with an owner that exists (a party, or an agency in the registry), a due
 * date after the signing, a verifier, and a schedule that fits its kind (a recurring one says from
 * when, how often and how many times; a staged one lists its stages in order, the last by the due date).
 */
public final class AgreementRules {

    private AgreementRules() {
    }

    public static List<FieldError> check(List<Party> parties, List<Representative> signatories, List<Commitment> commitments,
                                         Instant signedAt, Predicate<String> isAgency) {
        List<FieldError> errors = new ArrayList<>();
        if (parties.isEmpty()) {
            errors.add(new FieldError("parties", "an agreement binds at least one party; the mediation has none"));
        }
        Set<String> partyIds = parties.stream().map(Party::partyId).collect(Collectors.toSet());
        Set<String> signed = signatories.stream().map(Representative::partyId).collect(Collectors.toSet());
        for (Party p : parties) {
            if (!signed.contains(p.partyId())) {
                errors.add(new FieldError("signatories", "no representative of party '" + p.partyId() + "' signed"));
            }
        }
        for (int i = 0; i < signatories.size(); i++) {
            String id = signatories.get(i).partyId();
            if (!partyIds.contains(id) && !isAgency.test(id)) {
                errors.add(new FieldError("signatories[" + i + "].partyId", "'" + id + "' is neither a party nor an agency"));
            }
        }
        if (commitments.isEmpty()) {
            errors.add(new FieldError("commitments", "an agreement makes at least one commitment"));
        }
        for (int i = 0; i < commitments.size(); i++) {
            Commitment c = commitments.get(i);
            String at = "commitments[" + i + "].";
            boolean known = c.owner().kind() == OwnerKind.PARTY ? partyIds.contains(c.owner().id()) : isAgency.test(c.owner().id());
            if (!known) {
                errors.add(new FieldError(at + "owner.id", "'" + c.owner().id() + "' is no " + c.owner().kind().wireValue()
                        + (c.owner().kind() == OwnerKind.PARTY ? " of this mediation" : " in the registry")));
            }
            if (!c.dueAt().isAfter(signedAt)) {
                errors.add(new FieldError(at + "dueAt", "must be after the signing"));
            }
            if (!isAgency.test(c.verification().verifierAgencyId())) {
                errors.add(new FieldError(at + "verification.verifierAgencyId", "'" + c.verification().verifierAgencyId()
                        + "' is no agency in the registry"));
            }
            for (int b = 0; b < c.beneficiaries().size(); b++) {
                if (!partyIds.contains(c.beneficiaries().get(b))) {
                    errors.add(new FieldError(at + "beneficiaries[" + b + "]", "'" + c.beneficiaries().get(b) + "' is no party of this mediation"));
                }
            }
            errors.addAll(schedule(at + "schedule.", c.schedule(), c.dueAt(), signedAt));
        }
        return errors;
    }

    private static List<FieldError> schedule(String at, Schedule s, Instant dueAt, Instant signedAt) {
        List<FieldError> errors = new ArrayList<>();
        switch (s.kind()) {
            case ONCE -> { }
            case RECURRING -> {
                if (s.startsAt() == null) {
                    errors.add(new FieldError(at + "startsAt", "a recurring commitment says when it starts"));
                }
                if (s.every() == null || s.every().isZero() || s.every().isNegative()) {
                    errors.add(new FieldError(at + "every", "a recurring commitment says how often, e.g. P1M"));
                }
                if (s.occurrences() == null || s.occurrences() < 1) {
                    errors.add(new FieldError(at + "occurrences", "a recurring commitment says how many times (at least 1)"));
                }
            }
            case STAGED -> {
                List<Stage> stages = s.stages() == null ? List.of() : s.stages();
                if (stages.size() < 2) {
                    errors.add(new FieldError(at + "stages", "a staged commitment lists at least two stages"));
                }
                Instant previous = signedAt;
                for (int i = 0; i < stages.size(); i++) {
                    Stage stage = stages.get(i);
                    if (stage.stage() != i + 1) {
                        errors.add(new FieldError(at + "stages[" + i + "].stage", "must be " + (i + 1)));
                    }
                    if (!stage.dueAt().isAfter(previous)) {
                        errors.add(new FieldError(at + "stages[" + i + "].dueAt", "must be after the signing and the stage before"));
                    }
                    if (stage.dueAt().isAfter(dueAt)) {
                        errors.add(new FieldError(at + "stages[" + i + "].dueAt", "must not be after the commitment's dueAt"));
                    }
                    previous = stage.dueAt();
                }
            }
            default -> { }
        }
        return errors;
    }
}
