package io.liandong.contracts.review;

import java.time.Duration;
import java.util.Objects;

/**
 * One agency's response times in an incident, against the playbook.
 *
 * @param agencyId          The agency.
 * @param agencyRole        Its role in the incident.
 * @param acknowledgedAfter Time from assignment to acknowledgement; absent if it never acknowledged.
 * @param onSceneAfter      Time from assignment to arrival; absent if it never arrived.
 * @param onSceneLimit      The playbook's on-scene limit for the role.
 * @param breached          Whether any of its deadlines was breached.
 */
public record AgencyResponse(
        String agencyId,
        String agencyRole,
        Duration acknowledgedAfter,
        Duration onSceneAfter,
        Duration onSceneLimit,
        boolean breached) {

    public AgencyResponse {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(agencyRole, "agencyRole");
        Objects.requireNonNull(onSceneLimit, "onSceneLimit");
    }
}
