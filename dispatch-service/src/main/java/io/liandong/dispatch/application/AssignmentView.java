package io.liandong.dispatch.application;

import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.dispatch.domain.playbook.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An assignment with what the agency needs on site: its duties, the crowd-guidance procedure
 * and the talking points of its group, and its clocks.
 */
public record AssignmentView(String id, String incidentId, String agencyRole, String agencyId, String agencyName,
                             OnSiteGroup onSiteGroup, AssignmentStatus status, boolean manual, String createdBy,
                             List<String> duties, Playbook.CrowdGuidance crowdGuidance, List<String> talkingPoints,
                             Instant notifiedAt, Instant acknowledgeDueAt, Instant onSceneDueAt, Instant acknowledgedAt,
                             Instant enRouteAt, Instant onSceneAt, Instant releasedAt, boolean acknowledgeBreached,
                             boolean onSceneBreached, int escalationLevel, Duration timeToAcknowledge,
                             Duration timeToScene, String playbookVersion, long version) {
}
