package io.liandong.platform.security;

/**
 * Which agencies a service knows to be assigned to an incident. A service that holds assignments
 * provides one bean; without one, only the roles that see everything reach an incident.
 */
public interface IncidentAccess {

    /** Whether {@code agencyId} has (or had) a part in {@code incidentId}, as far as this service knows. */
    boolean isAssigned(String agencyId, String incidentId);
}
