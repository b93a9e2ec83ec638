package io.liandong.department.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.PartySide;
import io.liandong.contracts.mediation.Representative;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.CommitmentOwner;
import io.liandong.contracts.resolution.OwnerKind;
import io.liandong.contracts.resolution.Schedule;
import io.liandong.contracts.resolution.ScheduleKind;
import io.liandong.contracts.resolution.Stage;
import io.liandong.contracts.resolution.Verification;
import io.liandong.platform.error.FieldError;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Binjiang agreement (DOMAIN.md) checks; broken ones name their fields. */
class AgreementRulesTest {

    static final Instant SIGNED = Instant.parse("2026-03-14T10:20:00Z");
    static final List<Party> PARTIES = List.of(new Party("merchants", "滨江商圈商户", PartySide.CLAIMANT),
            new Party("management", "物业管理公司", PartySide.RESPONDENT));
    static final List<Representative> SIGNED_BY = List.of(new Representative("merchants", "陈建国", "商户代表"),
            new Representative("management", "王丽", "总经理"), new Representative("commerce-bureau", "刘明", "调解员"));
    static final Set<String> AGENCIES = Set.of("commerce-bureau", "city-command-hq");

    static Verification byCommerce(String evidence) {
        return new Verification("commerce-bureau", true, evidence);
    }

    static List<Commitment> binjiang() {
        CommitmentOwner management = new CommitmentOwner(OwnerKind.PARTY, "management");
        return List.of(
                new Commitment("c1", management, "Raise rents in three stages over twelve months", Instant.parse("2027-03-01T00:00:00Z"),
                        byCommerce("lease addenda"), new Schedule(ScheduleKind.STAGED, null, null, null, List.of(
                                new Stage(1, Instant.parse("2026-04-01T00:00:00Z"), "first third"),
                                new Stage(2, Instant.parse("2026-09-01T00:00:00Z"), "second third"),
                                new Stage(3, Instant.parse("2027-03-01T00:00:00Z"), "final third"))), List.of("merchants")),
                new Commitment("c2", management, "Reduce the management fee for six months", Instant.parse("2026-09-30T00:00:00Z"),
                        byCommerce("fee invoices"), new Schedule(ScheduleKind.RECURRING, Instant.parse("2026-04-01T00:00:00Z"),
                        Period.ofMonths(1), 6, null), List.of("merchants")),
                new Commitment("c3", management, "Hold a consultation with merchants every month", Instant.parse("2027-03-14T00:00:00Z"),
                        byCommerce("signed minutes"), new Schedule(ScheduleKind.RECURRING, Instant.parse("2026-04-14T00:00:00Z"),
                        Period.ofMonths(1), 12, null), List.of("merchants")),
                new Commitment("c4", new CommitmentOwner(OwnerKind.AGENCY, "commerce-bureau"), "Check implementation monthly",
                        Instant.parse("2027-03-28T00:00:00Z"), new Verification("city-command-hq", false, "inspection report"),
                        new Schedule(ScheduleKind.RECURRING, Instant.parse("2026-04-28T00:00:00Z"), Period.ofMonths(1), 12, null),
                        List.of("merchants", "management")));
    }

    @Test
    void theBinjiangAgreementIsExpressible() {
        assertThat(AgreementRules.check(PARTIES, SIGNED_BY, binjiang(), SIGNED, AGENCIES::contains)).isEmpty();
    }

    @Test
    void anAgreementWithoutPartiesOrSignaturesIsRefused() {
        assertThat(AgreementRules.check(List.of(), SIGNED_BY.subList(2, 3), binjiang().subList(3, 4), SIGNED, AGENCIES::contains))
                .extracting(FieldError::field).contains("parties");
        assertThat(AgreementRules.check(PARTIES, SIGNED_BY.subList(0, 1), binjiang(), SIGNED, AGENCIES::contains))
                .extracting(FieldError::field).containsExactly("signatories");
    }

    @Test
    void commitmentsMustHaveKnownOwnersAFutureDueDateAndAFittingSchedule() {
        Commitment unknownOwner = new Commitment("x", new CommitmentOwner(OwnerKind.PARTY, "landlord"), "pay",
                SIGNED.minusSeconds(60), new Verification("ministry-of-magic", false, "?"),
                new Schedule(ScheduleKind.RECURRING, null, null, null, null), List.of("nobody"));
        Commitment badStages = new Commitment("y", new CommitmentOwner(OwnerKind.AGENCY, "commerce-bureau"), "stages",
                Instant.parse("2026-06-01T00:00:00Z"), byCommerce("e"), new Schedule(ScheduleKind.STAGED, null, null, null, List.of(
                new Stage(1, Instant.parse("2026-05-01T00:00:00Z"), "a"), new Stage(3, Instant.parse("2026-04-01T00:00:00Z"), "b"))),
                List.of());
        assertThat(AgreementRules.check(PARTIES, SIGNED_BY, List.of(unknownOwner, badStages), SIGNED, AGENCIES::contains))
                .extracting(FieldError::field).containsExactlyInAnyOrder(
                        "commitments[0].owner.id", "commitments[0].dueAt", "commitments[0].verification.verifierAgencyId",
                        "commitments[0].beneficiaries[0]", "commitments[0].schedule.startsAt", "commitments[0].schedule.every",
                        "commitments[0].schedule.occurrences", "commitments[1].schedule.stages[1].stage",
                        "commitments[1].schedule.stages[1].dueAt");
    }
}
