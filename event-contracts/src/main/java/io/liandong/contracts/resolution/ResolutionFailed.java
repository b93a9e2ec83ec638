package io.liandong.contracts.resolution;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A mediation ended without agreement. The competent agency must mediate again within the given
 * days; a failure nobody follows up is how the Binjiang incident began.
 *
 * @param mediationId            Id of the mediation.
 * @param incidentId             The incident.
 * @param failedAt               When it was declared failed.
 * @param reason                 Why it failed.
 * @param competentAgencyId      The agency responsible for trying again.
 * @param mediateAgainWithinDays Days within which a new mediation must start.
 */
public record ResolutionFailed(
        String mediationId,
        String incidentId,
        Instant failedAt,
        String reason,
        String competentAgencyId,
        int mediateAgainWithinDays) implements EventPayload {

    public ResolutionFailed {
        Objects.requireNonNull(mediationId, "mediationId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(competentAgencyId, "competentAgencyId");
    }

    @Override
    public String subject() {
        return mediationId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
