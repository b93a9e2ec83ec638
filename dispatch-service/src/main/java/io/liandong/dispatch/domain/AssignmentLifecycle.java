package io.liandong.dispatch.domain;

import static io.liandong.contracts.assignment.AssignmentStatus.ACKNOWLEDGED;
import static io.liandong.contracts.assignment.AssignmentStatus.ON_SCENE;
import static io.liandong.contracts.assignment.AssignmentStatus.RELEASED;

import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.common.WireValues;
import io.liandong.platform.error.IllegalStateChangeException;

/**
 * notified → acknowledged → en route → on scene → released. A step may be skipped forwards (an
 * agency that reports itself on scene has evidently acknowledged) and released ends it from any
 * state; nothing moves backwards and released is final.
 */
public final class AssignmentLifecycle {

    private AssignmentLifecycle() {
    }

    public static boolean allows(AssignmentStatus from, AssignmentStatus to) {
        return from != RELEASED && to.ordinal() > from.ordinal();
    }

    public static void require(String assignmentId, AssignmentStatus from, AssignmentStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateChangeException("assignment " + assignmentId + " cannot go from " + WireValues.of(from)
                    + " to " + WireValues.of(to) + (from == RELEASED ? ": it is released" : ": it only moves forwards"));
        }
    }

    /** Whether the step a clock waits for has been done in this status. */
    public static boolean stepDone(DeadlineKind clock, AssignmentStatus status) {
        return switch (clock) {
            case ACKNOWLEDGE -> status.ordinal() >= ACKNOWLEDGED.ordinal();
            case ON_SCENE -> status.ordinal() >= ON_SCENE.ordinal();
        };
    }
}
