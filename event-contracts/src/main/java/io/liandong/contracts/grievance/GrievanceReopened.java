package io.liandong.contracts.grievance;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A closed grievance was reopened, typically because the complainant says the promise was not
 * kept.
 *
 * @param grievanceId Id of the grievance.
 * @param incidentId  The incident it is linked to, if any.
 * @param reason      Why it was reopened.
 * @param reopenedBy  Who reopened it.
 * @param reopenedAt  When it was reopened.
 */
public record GrievanceReopened(
        String grievanceId,
        String incidentId,
        String reason,
        String reopenedBy,
        Instant reopenedAt) implements EventPayload {

    public GrievanceReopened {
        Objects.requireNonNull(grievanceId, "grievanceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reopenedBy, "reopenedBy");
        Objects.requireNonNull(reopenedAt, "reopenedAt");
    }

    @Override
    public String subject() {
        return grievanceId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.ofNullable(incidentId);
    }
}
