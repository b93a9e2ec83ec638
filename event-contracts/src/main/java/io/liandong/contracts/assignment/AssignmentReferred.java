package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agency passed its assignment on to another agency whose area or remit it is; the deadlines
 * keep running.
 *
 * @param assignmentId Id of the assignment; it keeps its id.
 * @param incidentId   The incident.
 * @param fromAgencyId The agency passing it on.
 * @param toAgencyId   The agency taking it over.
 * @param reason       Why.
 * @param hop          How many times this assignment has now been referred; the HQ watches for ping-
 *                     pong.
 * @param referredBy   Who referred it.
 * @param referredAt   When.
 * @param requestedAgencyId The agency the referrer named, present only when the referral went to the
 *                     command HQ instead because the assignment was bouncing between agencies (sent
 *                     back to an agency that already held it, or past the bound on hops).
 */
public record AssignmentReferred(
        String assignmentId,
        String incidentId,
        String fromAgencyId,
        String toAgencyId,
        String reason,
        int hop,
        String referredBy,
        Instant referredAt,
        String requestedAgencyId) implements EventPayload {

    public AssignmentReferred {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(fromAgencyId, "fromAgencyId");
        Objects.requireNonNull(toAgencyId, "toAgencyId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(referredBy, "referredBy");
        Objects.requireNonNull(referredAt, "referredAt");
    }

    @Override
    public String subject() {
        return assignmentId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
