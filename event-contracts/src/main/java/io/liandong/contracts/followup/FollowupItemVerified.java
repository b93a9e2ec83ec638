package io.liandong.contracts.followup;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A follow-up item was confirmed as fulfilled.
 *
 * @param itemId       Id of the item.
 * @param planId       Its plan.
 * @param incidentId   The incident.
 * @param verifiedBy   The agency or service that confirmed it.
 * @param verifiedAt   When.
 * @param note         How it was checked.
 * @param evidenceUrls Proof.
 */
public record FollowupItemVerified(
        String itemId,
        String planId,
        String incidentId,
        String verifiedBy,
        Instant verifiedAt,
        String note,
        List<String> evidenceUrls) implements EventPayload {

    public FollowupItemVerified {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(verifiedBy, "verifiedBy");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        evidenceUrls = List.copyOf(Objects.requireNonNull(evidenceUrls, "evidenceUrls"));
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
