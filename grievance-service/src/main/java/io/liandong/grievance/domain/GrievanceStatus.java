package io.liandong.grievance.domain;

/** Where a grievance stands. RESOLVED and CLOSED are the two closed states; only they can be reopened. */
public enum GrievanceStatus {

    /** Filed, nobody has looked at it yet. */
    RECEIVED,
    /** An agency classified it and gave it a priority. */
    TRIAGED,
    /** Part of an incident; the incident's progress is its progress. */
    LINKED,
    /** Closed because its cause was dealt with. */
    RESOLVED,
    /** Closed without resolution: duplicate, withdrawn, out of scope. */
    CLOSED,
    /** Closed once, then reopened by the complainant. */
    REOPENED;

    public boolean isClosed() {
        return this == RESOLVED || this == CLOSED;
    }
}
