package io.liandong.contracts.mediation;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mediation session between the parties took place.
 *
 * @param mediationId       Id of the mediation.
 * @param incidentId        The incident.
 * @param sessionNumber     Number of the session within the mediation, from 1.
 * @param heldAt            When it started.
 * @param location          Where it was held.
 * @param mediatingAgencyId The agency that mediated (the competent department).
 * @param representatives   Who spoke for each party.
 * @param demands           The demands put on the table.
 * @param summary           Minutes in brief.
 */
public record MediationSessionHeld(
        String mediationId,
        String incidentId,
        int sessionNumber,
        Instant heldAt,
        String location,
        String mediatingAgencyId,
        List<Representative> representatives,
        List<Demand> demands,
        String summary) implements EventPayload {

    public MediationSessionHeld {
        Objects.requireNonNull(mediationId, "mediationId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(mediatingAgencyId, "mediatingAgencyId");
        representatives = List.copyOf(Objects.requireNonNull(representatives, "representatives"));
        demands = List.copyOf(Objects.requireNonNull(demands, "demands"));
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
