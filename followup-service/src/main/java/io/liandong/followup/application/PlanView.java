package io.liandong.followup.application;

import java.time.Instant;
import java.util.List;

/** A follow-up plan and its items. {@code source} is agreement or mediation-failed. */
public record PlanView(String id, String incidentId, String source, String sourceId, Instant createdAt, List<ItemView> items) {
}
