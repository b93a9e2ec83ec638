package io.liandong.department.domain;

import static io.liandong.contracts.assignment.AssignmentStatus.ACKNOWLEDGED;
import static io.liandong.contracts.assignment.AssignmentStatus.EN_ROUTE;
import static io.liandong.contracts.assignment.AssignmentStatus.NOTIFIED;
import static io.liandong.contracts.assignment.AssignmentStatus.ON_SCENE;
import static io.liandong.contracts.assignment.AssignmentStatus.RELEASED;

import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.common.WireValues;
import io.liandong.platform.error.IllegalStateChangeException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An agency works its assignment in order: notified → acknowledged → (en route →) on scene →
 * released. Acknowledging comes first, so an agency cannot report itself on scene before it has
 * taken the assignment; en route may be skipped (people already nearby); released is final. A
 * referral is possible until the agency has set off, and puts the assignment back to notified in
 * the new agency's inbox.
 */
public final class InboxLifecycle {

    private static final Map<AssignmentStatus, Set<AssignmentStatus>> FROM = Map.of(
            ACKNOWLEDGED, EnumSet.of(NOTIFIED),
            EN_ROUTE, EnumSet.of(ACKNOWLEDGED),
            ON_SCENE, EnumSet.of(ACKNOWLEDGED, EN_ROUTE),
            RELEASED, EnumSet.of(ACKNOWLEDGED, EN_ROUTE, ON_SCENE));

    private InboxLifecycle() {
    }

    public static boolean allows(AssignmentStatus from, AssignmentStatus to) {
        return FROM.getOrDefault(to, Set.of()).contains(from);
    }

    public static void require(String assignmentId, AssignmentStatus from, AssignmentStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateChangeException("assignment " + assignmentId + " is " + WireValues.of(from)
                    + "; it cannot be " + WireValues.of(to) + " now (order: notified, acknowledged, en-route, on-scene, released)");
        }
    }

    /** Whether an assignment in this status may still be passed to another agency. */
    public static boolean mayRefer(AssignmentStatus status) {
        return status == NOTIFIED || status == ACKNOWLEDGED;
    }

    /** Open: still in someone's work list. */
    public static boolean isOpen(AssignmentStatus status) {
        return status != RELEASED;
    }

    /**
     * Whether a move reported from elsewhere (the HQ's operator) brings this copy forwards:
     * moves that only repeat or go back change nothing.
     */
    public static boolean isForwards(AssignmentStatus from, AssignmentStatus to) {
        return from != RELEASED && to.ordinal() > from.ordinal();
    }
}
