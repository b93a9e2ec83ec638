package io.liandong.followup.domain;

import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.followup.FollowupItemStatus;
import io.liandong.platform.error.IllegalStateChangeException;
import java.util.Set;

/**
 * The states of a follow-up item: pending → in-progress → done → verified; a beneficiary's dispute
 * of a done item reopens it (done → reopened), and the owner starts again (reopened → in-progress).
 * {@code disputed} is not a resting state here: a dispute reopens at once. A "mediate again" item is
 * also settled (→ verified) from any unverified state when a new mediation reaches an agreement.
 */
public final class ItemLifecycle {

    public enum Move { START, DONE, VERIFY, DISPUTE, SETTLE }

    private ItemLifecycle() {
    }

    /** The state after the move, or a 409 naming the current state. */
    public static FollowupItemStatus next(FollowupItemStatus from, Move move) {
        FollowupItemStatus to = switch (move) {
            case START -> from == FollowupItemStatus.PENDING || from == FollowupItemStatus.REOPENED
                    ? FollowupItemStatus.IN_PROGRESS : null;
            case DONE -> from == FollowupItemStatus.IN_PROGRESS ? FollowupItemStatus.DONE : null;
            case VERIFY -> from == FollowupItemStatus.DONE ? FollowupItemStatus.VERIFIED : null;
            case DISPUTE -> from == FollowupItemStatus.DONE ? FollowupItemStatus.REOPENED : null;
            case SETTLE -> from != FollowupItemStatus.VERIFIED ? FollowupItemStatus.VERIFIED : null;
        };
        if (to == null) {
            throw new IllegalStateChangeException("a " + WireValues.of(from) + " item cannot "
                    + move.name().toLowerCase() + (move == Move.VERIFY || move == Move.DISPUTE ? " (only a done one)" : ""));
        }
        return to;
    }

    /** Whether the owner's part is finished: no reminder, overdue or escalation applies. */
    public static boolean fulfilled(FollowupItemStatus status) {
        return Set.of(FollowupItemStatus.DONE, FollowupItemStatus.VERIFIED).contains(status);
    }
}
