package io.liandong.followup.domain;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.assignment.AssignmentReferred;
import io.liandong.contracts.common.AgencyRoles;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.contracts.mediation.MediationSessionHeld;
import io.liandong.contracts.milestone.MilestoneRecorded;
import io.liandong.contracts.milestone.Milestones;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The after-action review's arithmetic over an incident's events (oldest first): per assignment the
 * time to acknowledge and to arrive against the playbook's limits, the breaches, scene control against
 * the golden period, the delay of every hand-off between agencies, the time from the first grievance
 * to the incident, the mediation rounds; the commitments' state as given; and the findings that call
 * for a corrective action (one per breach, per late hand-off, and a missed golden period).
 */
public record Review(
        String incidentId,
        Instant closedAt,
        List<AgencyLine> agencies,
        int breachCount,
        GoldenPeriod goldenPeriod,
        List<Handoff> handoffs,
        GrievanceLead grievanceLead,
        int mediationRounds,
        List<CommitmentLine> commitments,
        List<Finding> findings) {

    /** One agency's response; durations null when the step never happened. */
    public record AgencyLine(String assignmentId, String agencyId, String agencyRole, Instant notifiedAt,
                             Duration acknowledgedAfter, Duration acknowledgeLimit, Duration onSceneAfter,
                             Duration onSceneLimit, List<String> breaches) {
    }

    public record CommitmentLine(String itemId, String commitmentId, Integer occurrence, String action, Instant dueAt,
                                 String status, boolean overdue) {
    }

    /**
     * Scene control against the golden period: from the first police arrival to the scene under control
     * (the {@code scene-under-control} milestone, or else the incident's move to under-control).
     *
     * @param elapsed    how long control took; null unless both ends are known
     * @param compliance met, missed, not-started (no police arrival), or not-recorded (control never recorded)
     */
    public record GoldenPeriod(Instant policeArrivedAt, String policeAgencyId, Instant underControlAt, Duration target,
                               Duration elapsed, String compliance) {
    }

    /**
     * One referral of an assignment and how long the receiving agency took to acknowledge it.
     *
     * @param limit the assignment's own acknowledge limit (null when its creation was not seen)
     * @param late  acknowledged after the limit, or never acknowledged
     */
    public record Handoff(String assignmentId, String fromAgencyId, String toAgencyId, int hop, Instant referredAt,
                          Instant acknowledgedAt, Duration delay, Duration limit, boolean late) {
    }

    /**
     * How long the public had been telling before the incident was opened.
     *
     * @param linkedGrievances   grievances linked to the incident
     * @param firstGrievanceId   the earliest received of them whose receipt is known, or null
     * @param firstToIncident    from its receipt to the incident's report; null when unknown or when
     *                           the incident came first
     */
    public record GrievanceLead(int linkedGrievances, String firstGrievanceId, Instant firstReceivedAt,
                                Instant incidentReportedAt, Duration firstToIncident) {
    }

    /**
     * A finding that calls for a corrective action.
     *
     * @param key                 stable within the incident (e.g. {@code breach:asg-1:on-scene}), so it is tracked once
     * @param responsibleAgencyId the agency that carries the action out
     */
    public record Finding(String key, String issue, String action, String responsibleAgencyId) {
    }

    /**
     * @param grievanceReceivedAt when each grievance this service heard of was received (from
     *                            {@code grievance.received}, which names no incident)
     * @param goldenPeriodTarget  the golden period to hold scene control against when the incident's report does not
     *                            carry its playbook's (reports of earlier versions)
     * @return null when the incident has not been closed (no review yet)
     */
    public static Review of(String incidentId, List<EventPayload> events, List<CommitmentLine> commitments,
                            Map<String, Instant> grievanceReceivedAt, Duration goldenPeriodTarget) {
        Instant closedAt = null;
        Map<String, AgencyLine> lines = new LinkedHashMap<>();
        List<AssignmentDeadlineBreached> breaches = new ArrayList<>();
        List<AssignmentReferred> referrals = new ArrayList<>();
        List<AssignmentAcknowledged> acknowledgements = new ArrayList<>();
        Set<String> grievances = new LinkedHashSet<>();
        Instant reportedAt = null;
        Instant policeArrivedAt = null;
        String policeAgency = null;
        Instant controlMilestone = null;
        Instant controlStatus = null;
        int rounds = 0;
        Duration goldenPeriod = goldenPeriodTarget;
        for (EventPayload e : events) {
            if (e instanceof AssignmentCreated c) {
                lines.put(c.assignmentId(), new AgencyLine(c.assignmentId(), c.agencyId(), c.agencyRole(), c.createdAt(), null,
                        between(c.createdAt(), c.acknowledgeDueAt()), null, between(c.createdAt(), c.onSceneDueAt()),
                        new ArrayList<>()));
            } else if (e instanceof AssignmentAcknowledged a) {
                acknowledgements.add(a);
                AgencyLine l = lines.get(a.assignmentId());
                if (l != null && l.acknowledgedAfter() == null) {
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
                if (AgencyRoles.POLICE.equals(l.agencyRole()) && (policeArrivedAt == null || o.arrivedAt().isBefore(policeArrivedAt))) {
                    policeArrivedAt = o.arrivedAt();
                    policeAgency = o.agencyId();
                }
            } else if (e instanceof AssignmentDeadlineBreached b) {
                breaches.add(b);
                AgencyLine l = lines.get(b.assignmentId());
                if (l != null) {
                    l.breaches().add(b.deadline().wireValue());
                }
            } else if (e instanceof AssignmentReferred r) {
                referrals.add(r);
            } else if (e instanceof MilestoneRecorded m && Milestones.SCENE_UNDER_CONTROL.equals(m.milestone())) {
                controlMilestone = earliest(controlMilestone, m.recordedAt());
            } else if (e instanceof GrievanceLinked g) {
                grievances.add(g.grievanceId());
            } else if (e instanceof IncidentReported r) {
                reportedAt = reportedAt == null ? r.reportedAt() : reportedAt;
                if (r.goldenPeriod() != null) {
                    goldenPeriod = r.goldenPeriod();
                }
            } else if (e instanceof MediationSessionHeld) {
                rounds++;
            } else if (e instanceof IncidentStatusChanged s) {
                if (s.to() == IncidentStatus.CLOSED) {
                    closedAt = s.changedAt();
                } else if (s.to() == IncidentStatus.UNDER_CONTROL) {
                    controlStatus = earliest(controlStatus, s.changedAt());
                }
            }
        }
        if (closedAt == null) {
            return null;
        }
        List<AgencyLine> agencies = lines.values().stream()
                .map(l -> new AgencyLine(l.assignmentId(), l.agencyId(), l.agencyRole(), l.notifiedAt(), l.acknowledgedAfter(),
                        l.acknowledgeLimit(), l.onSceneAfter(), l.onSceneLimit(), List.copyOf(l.breaches())))
                .toList();
        GoldenPeriod golden = golden(policeArrivedAt, policeAgency, controlMilestone != null ? controlMilestone : controlStatus,
                goldenPeriod);
        List<Handoff> handoffs = referrals.stream().map(r -> handoff(r, acknowledgements, lines.get(r.assignmentId()))).toList();
        GrievanceLead lead = lead(grievances, grievanceReceivedAt, reportedAt);
        List<Finding> findings = findings(breaches, lines, handoffs, golden);
        return new Review(incidentId, closedAt, agencies, breaches.size(), golden, handoffs, lead, rounds,
                List.copyOf(commitments), findings);
    }

    static GoldenPeriod golden(Instant policeArrivedAt, String policeAgency, Instant underControlAt, Duration target) {
        if (policeArrivedAt == null) {
            return new GoldenPeriod(null, null, underControlAt, target, null, "not-started");
        }
        if (underControlAt == null) {
            return new GoldenPeriod(policeArrivedAt, policeAgency, null, target, null, "not-recorded");
        }
        Duration took = Duration.between(policeArrivedAt, underControlAt);
        took = took.isNegative() ? Duration.ZERO : took;
        return new GoldenPeriod(policeArrivedAt, policeAgency, underControlAt, target, took,
                took.compareTo(target) <= 0 ? "met" : "missed");
    }

    static Handoff handoff(AssignmentReferred r, List<AssignmentAcknowledged> acknowledgements, AgencyLine assignment) {
        Instant ack = acknowledgements.stream()
                .filter(a -> a.assignmentId().equals(r.assignmentId()) && a.agencyId().equals(r.toAgencyId())
                        && !a.acknowledgedAt().isBefore(r.referredAt()))
                .map(AssignmentAcknowledged::acknowledgedAt).min(Instant::compareTo).orElse(null);
        Duration delay = between(r.referredAt(), ack);
        Duration limit = assignment == null ? null : assignment.acknowledgeLimit();
        boolean late = ack == null || (limit != null && delay.compareTo(limit) > 0);
        return new Handoff(r.assignmentId(), r.fromAgencyId(), r.toAgencyId(), r.hop(), r.referredAt(), ack, delay, limit, late);
    }

    static GrievanceLead lead(Set<String> grievances, Map<String, Instant> receivedAt, Instant reportedAt) {
        String first = null;
        Instant firstAt = null;
        for (String g : grievances) {
            Instant at = receivedAt.get(g);
            if (at != null && (firstAt == null || at.isBefore(firstAt))) {
                first = g;
                firstAt = at;
            }
        }
        Duration lead = between(firstAt, reportedAt);
        return new GrievanceLead(grievances.size(), first, firstAt, reportedAt, lead == null || lead.isNegative() ? null : lead);
    }

    static List<Finding> findings(List<AssignmentDeadlineBreached> breaches, Map<String, AgencyLine> lines,
                                  List<Handoff> handoffs, GoldenPeriod golden) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (AssignmentDeadlineBreached b : breaches) {
            String deadline = b.deadline().wireValue();
            AgencyLine l = lines.get(b.assignmentId());
            String role = l == null ? "" : " (" + l.agencyRole() + ")";
            findings.putIfAbsent("breach:" + b.assignmentId() + ":" + deadline, new Finding(
                    "breach:" + b.assignmentId() + ":" + deadline,
                    b.agencyId() + role + " breached its " + deadline + " deadline (due " + b.dueAt() + ")",
                    "Find why the " + deadline + " step was late and change the duty roster or alerting so it is met",
                    b.agencyId()));
        }
        for (Handoff h : handoffs) {
            if (h.late()) {
                String key = "handoff:" + h.assignmentId() + ":" + h.hop();
                String issue = "The hand-off of " + h.assignmentId() + " from " + h.fromAgencyId() + " to " + h.toAgencyId()
                        + (h.acknowledgedAt() == null ? " was never acknowledged"
                        : " was acknowledged after " + h.delay().toSeconds() + " s (limit " + h.limit().toSeconds() + " s)");
                findings.putIfAbsent(key, new Finding(key, issue, "Agree a liaison contact and a referral procedure between "
                        + h.fromAgencyId() + " and " + h.toAgencyId() + " so a referred assignment is acknowledged in time",
                        h.toAgencyId()));
            }
        }
        if ("missed".equals(golden.compliance())) {
            findings.put("golden-period", new Finding("golden-period", "Scene control took " + golden.elapsed().toSeconds()
                    + " s after the police arrived, against a golden period of " + golden.target().toSeconds() + " s",
                    "Drill the order-maintenance group's first minutes: cordon, isolating the core parties, dispersing onlookers",
                    golden.policeAgencyId()));
        }
        return List.copyOf(findings.values());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
