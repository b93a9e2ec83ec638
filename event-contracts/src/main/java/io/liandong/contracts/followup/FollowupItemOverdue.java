package io.liandong.contracts.followup;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.resolution.CommitmentOwner;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A follow-up item passed its due time without being done.
 *
 * @param itemId     Id of the item.
 * @param planId     Its plan.
 * @param incidentId The incident.
 * @param owner      Who owes it.
 * @param dueAt      When it was due.
 * @param detectedAt When it was found overdue.
 */
public record FollowupItemOverdue(
        String itemId,
        String planId,
        String incidentId,
        CommitmentOwner owner,
        Instant dueAt,
        Instant detectedAt) implements EventPayload {

    public FollowupItemOverdue {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
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
