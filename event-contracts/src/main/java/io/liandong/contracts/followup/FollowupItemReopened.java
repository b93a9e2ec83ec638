package io.liandong.contracts.followup;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A done or verified follow-up item was reopened, e.g. because a beneficiary disputes it.
 *
 * @param itemId      Id of the item.
 * @param planId      Its plan.
 * @param incidentId  The incident.
 * @param reason      Why.
 * @param reopenedBy  Who reopened it.
 * @param grievanceId The grievance through which a beneficiary disputed it, if any.
 * @param reopenedAt  When.
 */
public record FollowupItemReopened(
        String itemId,
        String planId,
        String incidentId,
        String reason,
        String reopenedBy,
        String grievanceId,
        Instant reopenedAt) implements EventPayload {

    public FollowupItemReopened {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reopenedBy, "reopenedBy");
        Objects.requireNonNull(reopenedAt, "reopenedAt");
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
