package io.liandong.contracts.followup;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An overdue or disputed follow-up item was escalated.
 *
 * @param itemId      Id of the item.
 * @param planId      Its plan.
 * @param incidentId  The incident.
 * @param level       Rung of the escalation ladder, from 1.
 * @param escalatedTo The agency it was escalated to.
 * @param reason      Why.
 * @param escalatedAt When.
 */
public record FollowupItemEscalated(
        String itemId,
        String planId,
        String incidentId,
        int level,
        String escalatedTo,
        String reason,
        Instant escalatedAt) implements EventPayload {

    public FollowupItemEscalated {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(escalatedTo, "escalatedTo");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(escalatedAt, "escalatedAt");
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
