package io.liandong.contracts.followup;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * followup-service turned an agreement's commitments (or a review's corrective actions, or a
 * failed mediation's "mediate again") into tracked items.
 *
 * @param planId     Id of the plan.
 * @param incidentId The incident.
 * @param source     agreement, review or mediation-failed.
 * @param sourceId   The agreement id, review id, or the failed mediation's id.
 * @param items      The tracked items.
 * @param createdAt  When.
 */
public record FollowupPlanCreated(
        String planId,
        String incidentId,
        PlanSource source,
        String sourceId,
        List<PlannedItem> items,
        Instant createdAt) implements EventPayload {

    public FollowupPlanCreated {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String subject() {
        return planId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
