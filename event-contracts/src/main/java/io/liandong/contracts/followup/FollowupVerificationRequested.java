package io.liandong.contracts.followup;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A done item needs confirming by the people it was promised to: grievance-service asks the
 * complainants behind the given grievances.
 *
 * @param itemId           Id of the item.
 * @param planId           Its plan.
 * @param incidentId       The incident.
 * @param grievanceIds     The grievances whose complainants are asked.
 * @param verifierAgencyId The agency that also verifies, if any.
 * @param requestedAt      When.
 * @param respondBy        When the answer is needed by.
 */
public record FollowupVerificationRequested(
        String itemId,
        String planId,
        String incidentId,
        List<String> grievanceIds,
        String verifierAgencyId,
        Instant requestedAt,
        Instant respondBy) implements EventPayload {

    public FollowupVerificationRequested {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(incidentId, "incidentId");
        grievanceIds = List.copyOf(Objects.requireNonNull(grievanceIds, "grievanceIds"));
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(respondBy, "respondBy");
    }

    @Override
    public String subject() {
        return itemId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
