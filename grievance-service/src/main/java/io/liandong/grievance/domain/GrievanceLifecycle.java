package io.liandong.grievance.domain;

import io.liandong.platform.error.IllegalStateChangeException;
import java.time.Duration;
import java.time.Instant;

/** The rules of a grievance's life: which change is allowed from which state. */
public final class GrievanceLifecycle {

    private GrievanceLifecycle() {
    }

    /** Triage keeps a linked grievance linked; otherwise it becomes TRIAGED. */
    public static GrievanceStatus triage(String id, GrievanceStatus current) {
        requireOpen(id, current, "triaged");
        return current == GrievanceStatus.LINKED ? GrievanceStatus.LINKED : GrievanceStatus.TRIAGED;
    }

    /**
     * Linking to the incident it is already linked to changes nothing (returns false); linking to
     * another one is refused, since an incident's answer must reach the people who complained.
     */
    public static boolean link(String id, GrievanceStatus current, String currentIncident, String incident) {
        if (incident.equals(currentIncident)) {
            return false;
        }
        requireOpen(id, current, "linked");
        if (currentIncident != null) {
            throw new IllegalStateChangeException("grievance " + id + " is already linked to incident " + currentIncident);
        }
        return true;
    }

    public static void close(String id, GrievanceStatus current) {
        requireOpen(id, current, "closed");
    }

    /** A closed grievance can be reopened within {@code period} of its closing. */
    public static void reopen(String id, GrievanceStatus current, Instant closedAt, Instant now, Duration period) {
        if (!current.isClosed()) {
            throw new IllegalStateChangeException("grievance " + id + " is " + wire(current) + "; only a closed grievance can be reopened");
        }
        if (now.isAfter(closedAt.plus(period))) {
            throw new IllegalStateChangeException("grievance " + id + " was closed at " + closedAt
                    + "; it could be reopened until " + closedAt.plus(period));
        }
    }

    /** What an open grievance returns to when reopened. */
    public static GrievanceStatus reopened() {
        return GrievanceStatus.REOPENED;
    }

    private static void requireOpen(String id, GrievanceStatus current, String change) {
        if (current.isClosed()) {
            throw new IllegalStateChangeException("grievance " + id + " is " + wire(current) + " and cannot be " + change
                    + "; reopen it first");
        }
    }

    private static String wire(GrievanceStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
