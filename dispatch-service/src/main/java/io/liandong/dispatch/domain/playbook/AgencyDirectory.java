package io.liandong.dispatch.domain.playbook;

import io.liandong.contracts.common.AgencyRoles;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.domain.playbook.Playbook.Agency;
import io.liandong.dispatch.domain.playbook.Playbook.RolePolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Applies a playbook to an incident: which roles it needs, and which agency fills each. */
public final class AgencyDirectory {

    public static final String COMPETENT_DEPARTMENT = AgencyRoles.COMPETENT_DEPARTMENT;

    private AgencyDirectory() {
    }

    /** What the playbook requires for an incident as it stands now. */
    public record Need(RolePolicy role, Agency agency) {
    }

    /** The incident facts the playbook looks at. */
    public record Situation(String incidentType, String disputeType, String areaCode, Severity severity,
                            boolean casualtiesReported) {
    }

    /** The roles an incident needs, in playbook order, health added by the health rule. */
    public static List<String> requiredRoles(Playbook playbook, Situation s) {
        Set<String> roles = new LinkedHashSet<>(playbook.incidentType(s.incidentType())
                .orElseThrow(() -> new IllegalArgumentException("unknown incident type " + s.incidentType())).roles());
        Playbook.HealthRule health = playbook.health();
        if (health.role() != null) {
            boolean bySeverity = health.severityAtLeast() != null && s.severity().compareTo(health.severityAtLeast()) >= 0;
            boolean byCasualties = health.whenCasualtiesReported() && s.casualtiesReported();
            if (bySeverity || byCasualties) {
                roles.add(health.role());
            }
        }
        return List.copyOf(roles);
    }

    /** One agency per required role. */
    public static List<Need> needs(Playbook playbook, Situation s) {
        List<Need> needs = new ArrayList<>();
        for (String role : requiredRoles(playbook, s)) {
            RolePolicy policy = playbook.roles().get(role);
            agencyFor(playbook, role, s).ifPresent(agency -> needs.add(new Need(policy, agency)));
        }
        return needs;
    }

    /**
     * The agency for a role: a competent department by dispute type, then incident type; any other
     * role by the longest area prefix of the incident's area code, then one that serves everywhere.
     */
    public static Optional<Agency> agencyFor(Playbook playbook, String role, Situation s) {
        List<Agency> candidates = playbook.agencies().stream().filter(a -> role.equals(a.role())).toList();
        if (COMPETENT_DEPARTMENT.equals(role)) {
            if (s.disputeType() != null) {
                Optional<Agency> byDispute = candidates.stream().filter(a -> a.competentFor().contains(s.disputeType())).findFirst();
                if (byDispute.isPresent()) {
                    return byDispute;
                }
            }
            return candidates.stream().filter(a -> a.competentFor().contains(s.incidentType())).findFirst();
        }
        String area = s.areaCode() == null ? "" : s.areaCode();
        Optional<Agency> local = candidates.stream()
                .filter(a -> a.areas().stream().anyMatch(area::startsWith))
                .max(Comparator.comparingInt(a -> a.areas().stream().filter(area::startsWith).mapToInt(String::length).max().orElse(0)));
        return local.isPresent() ? local : candidates.stream().filter(a -> a.areas().isEmpty()).findFirst();
    }
}
