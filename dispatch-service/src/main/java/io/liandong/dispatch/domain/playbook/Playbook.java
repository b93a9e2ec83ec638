package io.liandong.dispatch.domain.playbook;

import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard as data: which agencies an incident type needs, the on-site groups and their
 * checklists, each role's time limits, warnings, the escalation ladder, the golden period, and the
 * crowd guidance and talking points. Built only by {@link PlaybookParser}, which checks it whole.
 */
public record Playbook(
        String version,
        String title,
        Duration goldenPeriod,
        List<Integer> warningThresholds,
        Escalation escalation,
        Map<String, RolePolicy> roles,
        HealthRule health,
        List<Agency> agencies,
        Map<OnSiteGroup, List<String>> checklists,
        SurgePolicy surge,
        Map<String, IncidentTypePolicy> incidentTypes) {

    /** A breach escalates one rung; still undone, one more every {@code interval}. */
    public record Escalation(Duration interval, List<String> ladder) {
    }

    /** An agency role's part: its group, duties and time limits. */
    public record RolePolicy(String role, OnSiteGroup onSiteGroup, List<String> duties, Duration acknowledgeWithin,
                             Duration onSceneWithin) {
    }

    /** When the health commission (or whichever role is named) joins. */
    public record HealthRule(String role, boolean whenCasualtiesReported, Severity severityAtLeast) {
    }

    /** An agency that can fill a role, in some areas or everywhere, competent for some disputes. */
    public record Agency(String id, String name, String role, List<String> areas, List<String> competentFor) {
    }

    /** How a grievance surge becomes an incident. */
    public record SurgePolicy(String defaultIncidentType, Severity severity, int highSeverityAtCount) {
    }

    /** What one incident type needs. */
    public record IncidentTypePolicy(String type, String name, List<String> roles, CrowdGuidance crowdGuidance,
                                     Map<OnSiteGroup, List<String>> talkingPoints) {
    }

    /** The timed crowd-guidance procedure of an incident type. */
    public record CrowdGuidance(List<String> zones, List<String> exits, List<Step> steps) {
    }

    /** One step of the procedure, {@code at} after the assignment. */
    public record Step(Duration at, String action) {
    }

    public Optional<IncidentTypePolicy> incidentType(String type) {
        return Optional.ofNullable(incidentTypes.get(type));
    }

    public Optional<Agency> agency(String id) {
        return agencies.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
