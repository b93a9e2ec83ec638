package io.liandong.contracts.milestone;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.common.OnSiteGroup;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A scene milestone was reached, e.g. the cordon was set ({@link Milestones}).
 *
 * @param milestone  kebab-case code, e.g. {@code cordon-set}
 * @param onSiteGroup the group that reached it
 * @param agencyId   the agency that reported it
 * @param recordedBy the person who recorded it
 * @param recordedAt when it was reached
 * @param note       optional detail
 */
public record MilestoneRecorded(
        String incidentId,
        String milestone,
        OnSiteGroup onSiteGroup,
        String agencyId,
        String recordedBy,
        Instant recordedAt,
        String note) implements EventPayload {

    public MilestoneRecorded {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(onSiteGroup, "onSiteGroup");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    @Override
    public String subject() {
        return incidentId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
