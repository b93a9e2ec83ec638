package io.liandong.followup.domain;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.contracts.mediation.MediationSessionHeld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The after-action review's arithmetic over an incident's events (oldest first): per assignment the
 * time to acknowledge and to arrive against the playbook's limits, the breaches, the mediation
 * rounds; and the commitments' state as given.
 */
public record Review(
        String incidentId,
        Instant closedAt,
        List<AgencyLine> agencies,
        int breachCount,
        int mediationRounds,
        List<CommitmentLine> commitments) {

    /** One agency's response; durations null when the step never happened. */
    public record AgencyLine(String assignmentId, String agencyId, String agencyRole, Instant notifiedAt,
                             Duration acknowledgedAfter, Duration acknowledgeLimit, Duration onSceneAfter,
                             Duration onSceneLimit, List<String> breaches) {
    }

    public record CommitmentLine(String itemId, String commitmentId, Integer occurrence, String action, Instant dueAt,
                                 String status, boolean overdue) {
    }

    /** @return null when the incident has not been closed (no review yet) */
    public static Review of(String incidentId, List<EventPayload> events, List<CommitmentLine> commitments) {
        Instant closedAt = null;
        Map<String, AgencyLine> lines = new LinkedHashMap<>();
        int breaches = 0;
        int rounds = 0;
        for (EventPayload e : events) {
            if (e instanceof AssignmentCreated c) {
                lines.put(c.assignmentId(), new AgencyLine(c.assignmentId(), c.agencyId(), c.agencyRole(), c.createdAt(), null,
                        between(c.createdAt(), c.acknowledgeDueAt()), null, between(c.createdAt(), c.onSceneDueAt()),
                        new ArrayList<>()));
            } else if (e instanceof AssignmentAcknowledged a && lines.containsKey(a.assignmentId())) {
                AgencyLine l = lines.get(a.assignmentId());
                if (l.acknowledgedAfter() == null) {
                    lines.put(a.assignmentId(), new AgencyLine(l.assignmentId(), l.agencyId(), l.agencyRole(), l.notifiedAt(),
                            between(l.notifiedAt(), a.acknowledgedAt()), l.acknowledgeLimit(), l.onSceneAfter(),
                            l.onSceneLimit(), l.breaches()));
                }
            } else if (e instanceof AssignmentOnScene o && lines.containsKey(o.assignmentId())) {
                AgencyLine l = lines.get(o.assignmentId());
                if (l.onSceneAfter() == null) {
                    lines.put(o.assignmentId(), new AgencyLine(l.assignmentId(), l.agencyId(), l.agencyRole(), l.notifiedAt(),
                            l.acknowledgedAfter(), l.acknowledgeLimit(), between(l.notifiedAt(), o.arrivedAt()),
                            l.onSceneLimit(), l.breaches()));
                }
            } else if (e instanceof AssignmentDeadlineBreached b) {
                breaches++;
                AgencyLine l = lines.get(b.assignmentId());
                if (l != null) {
                    l.breaches().add(b.deadline().wireValue());
                }
            } else if (e instanceof MediationSessionHeld) {
                rounds++;
            } else if (e instanceof IncidentStatusChanged s && s.to() == IncidentStatus.CLOSED) {
                closedAt = s.changedAt();
            }
        }
        if (closedAt == null) {
            return null;
        }
        List<AgencyLine> agencies = lines.values().stream()
                .map(l -> new AgencyLine(l.assignmentId(), l.agencyId(), l.agencyRole(), l.notifiedAt(), l.acknowledgedAfter(),
                        l.acknowledgeLimit(), l.onSceneAfter(), l.onSceneLimit(), List.copyOf(l.breaches())))
                .toList();
        return new Review(incidentId, closedAt, agencies, breaches, rounds, List.copyOf(commitments));
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
