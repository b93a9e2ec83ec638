package io.liandong.followup.domain;

import static io.liandong.contracts.followup.FollowupItemStatus.DISPUTED;
import static io.liandong.contracts.followup.FollowupItemStatus.DONE;
import static io.liandong.contracts.followup.FollowupItemStatus.IN_PROGRESS;
import static io.liandong.contracts.followup.FollowupItemStatus.PENDING;
import static io.liandong.contracts.followup.FollowupItemStatus.REOPENED;
import static io.liandong.contracts.followup.FollowupItemStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.contracts.followup.FollowupItemStatus;
import io.liandong.followup.domain.ItemLifecycle.Move;
import io.liandong.platform.error.IllegalStateChangeException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemLifecycleTest {

    @Test
    void theHappyPathEndsVerified() {
        FollowupItemStatus s = PENDING;
        s = ItemLifecycle.next(s, Move.START);
        assertThat(s).isEqualTo(IN_PROGRESS);
        s = ItemLifecycle.next(s, Move.DONE);
        assertThat(s).isEqualTo(DONE);
        assertThat(ItemLifecycle.next(s, Move.VERIFY)).isEqualTo(VERIFIED);
    }

    @Test
    void aDisputeReopensAndTheOwnerStartsAgain() {
        FollowupItemStatus s = ItemLifecycle.next(DONE, Move.DISPUTE);
        assertThat(s).isEqualTo(REOPENED);
        assertThat(ItemLifecycle.next(s, Move.START)).isEqualTo(IN_PROGRESS);
    }

    @Test
    void everyOtherMoveIsRefused() {
        record Allowed(FollowupItemStatus from, Move move) { }
        List<Allowed> allowed = List.of(new Allowed(PENDING, Move.START), new Allowed(REOPENED, Move.START),
                new Allowed(IN_PROGRESS, Move.DONE), new Allowed(DONE, Move.VERIFY), new Allowed(DONE, Move.DISPUTE),
                new Allowed(PENDING, Move.SETTLE), new Allowed(IN_PROGRESS, Move.SETTLE), new Allowed(DONE, Move.SETTLE),
                new Allowed(DISPUTED, Move.SETTLE), new Allowed(REOPENED, Move.SETTLE));
        for (FollowupItemStatus from : FollowupItemStatus.values()) {
            for (Move move : Move.values()) {
                if (allowed.contains(new Allowed(from, move))) {
                    continue;
                }
                assertThatThrownBy(() -> ItemLifecycle.next(from, move)).as(from + " " + move)
                        .isInstanceOf(IllegalStateChangeException.class).hasMessageContaining(from.wireValue());
            }
        }
    }

    @Test
    void onlyDoneAndVerifiedAreFulfilled() {
        for (FollowupItemStatus s : FollowupItemStatus.values()) {
            assertThat(ItemLifecycle.fulfilled(s)).as(s.name()).isEqualTo(EnumSet.of(DONE, VERIFIED).contains(s));
        }
    }

    @Test
    void theLadderGoesFromTheOwnerToItsLeadToTheHq() {
        assertThat(EscalationLadder.rung(1, "commerce-bureau", "hq")).isEqualTo("commerce-bureau");
        assertThat(EscalationLadder.rung(2, "commerce-bureau", "hq")).isEqualTo("commerce-bureau-lead");
        assertThat(EscalationLadder.rung(3, "commerce-bureau", "hq")).isEqualTo("hq");
        assertThatThrownBy(() -> EscalationLadder.rung(0, "a", "hq")).isInstanceOf(IllegalArgumentException.class);
    }
}
