package io.liandong.contracts.assignment;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.common.OnSiteGroup;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agency was given its part in an incident, with its on-site group, duties and deadlines.
 *
 * @param assignmentId     Id of the assignment.
 * @param incidentId       The incident.
 * @param agencyRole       The role the playbook gives the agency: police, competent-department,
 *                         community-committee, health-commission, ...
 * @param agencyId         The agency assigned.
 * @param onSiteGroup      The on-site group the agency works in.
 * @param duties           Its duties on site, from the playbook.
 * @param acknowledgeDueAt When it must have acknowledged.
 * @param onSceneDueAt     When it must be on scene.
 * @param playbookVersion  The playbook version the deadlines come from.
 * @param createdAt        When it was assigned; the deadline clocks start here.
 */
public record AssignmentCreated(
        String assignmentId,
        String incidentId,
        String agencyRole,
        String agencyId,
        OnSiteGroup onSiteGroup,
        List<String> duties,
        Instant acknowledgeDueAt,
        Instant onSceneDueAt,
        String playbookVersion,
        Instant createdAt) implements EventPayload {

    public AssignmentCreated {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(agencyRole, "agencyRole");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(onSiteGroup, "onSiteGroup");
        duties = List.copyOf(Objects.requireNonNull(duties, "duties"));
        Objects.requireNonNull(acknowledgeDueAt, "acknowledgeDueAt");
        Objects.requireNonNull(onSceneDueAt, "onSceneDueAt");
        Objects.requireNonNull(playbookVersion, "playbookVersion");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String subject() {
        return assignmentId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
