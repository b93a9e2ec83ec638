package io.liandong.dispatch.domain;

import static io.liandong.contracts.incident.IncidentStatus.CANCELLED;
import static io.liandong.contracts.incident.IncidentStatus.CLOSED;
import static io.liandong.contracts.incident.IncidentStatus.DISPATCHED;
import static io.liandong.contracts.incident.IncidentStatus.MEDIATING;
import static io.liandong.contracts.incident.IncidentStatus.ON_SCENE;
import static io.liandong.contracts.incident.IncidentStatus.REPORTED;
import static io.liandong.contracts.incident.IncidentStatus.RESOLVED;
import static io.liandong.contracts.incident.IncidentStatus.UNDER_CONTROL;

import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.platform.error.IllegalStateChangeException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * reported → dispatched → on scene → under control → mediating → resolved → closed; cancelled
 * from any state before the scene is under control. A scene under control may be resolved without
 * mediation, and a failed mediation goes back to under control.
 */
public final class IncidentLifecycle {

    private static final Map<IncidentStatus, Set<IncidentStatus>> NEXT = new EnumMap<>(IncidentStatus.class);

    static {
        NEXT.put(REPORTED, EnumSet.of(DISPATCHED, CANCELLED));
        NEXT.put(DISPATCHED, EnumSet.of(ON_SCENE, CANCELLED));
        NEXT.put(ON_SCENE, EnumSet.of(UNDER_CONTROL, CANCELLED));
        NEXT.put(UNDER_CONTROL, EnumSet.of(MEDIATING, RESOLVED));
        NEXT.put(MEDIATING, EnumSet.of(RESOLVED, UNDER_CONTROL));
        NEXT.put(RESOLVED, EnumSet.of(CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(IncidentStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(IncidentStatus.class));
    }

    private IncidentLifecycle() {
    }

    public static boolean allows(IncidentStatus from, IncidentStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Refuses a move the lifecycle does not allow (409), naming the moves it does. */
    public static void require(String incidentId, IncidentStatus from, IncidentStatus to) {
        if (!allows(from, to)) {
            String allowed = NEXT.get(from).isEmpty() ? "none: it is final"
                    : NEXT.get(from).stream().map(WireValues::of).collect(Collectors.joining(", "));
            throw new IllegalStateChangeException("incident " + incidentId + " cannot go from " + WireValues.of(from)
                    + " to " + WireValues.of(to) + "; allowed: " + allowed);
        }
    }

    /** Closed and cancelled incidents take no new work. */
    public static boolean isFinal(IncidentStatus status) {
        return status == CLOSED || status == CANCELLED;
    }
}
