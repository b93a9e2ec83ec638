package io.liandong.contracts.followup;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner of a follow-up item reported progress.
 *
 * @param itemId       Id of the item.
 * @param planId       Its plan.
 * @param incidentId   The incident.
 * @param from         Status before.
 * @param to           Status after.
 * @param updatedBy    Who reported it.
 * @param note         What was done.
 * @param evidenceUrls Proof attached.
 * @param updatedAt    When.
 */
public record FollowupItemUpdated(
        String itemId,
        String planId,
        String incidentId,
        FollowupItemStatus from,
        FollowupItemStatus to,
        String updatedBy,
        String note,
        List<String> evidenceUrls,
        Instant updatedAt) implements EventPayload {

    public FollowupItemUpdated {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(updatedBy, "updatedBy");
        evidenceUrls = List.copyOf(Objects.requireNonNull(evidenceUrls, "evidenceUrls"));
        Objects.requireNonNull(updatedAt, "updatedAt");
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
