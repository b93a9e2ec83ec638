package io.liandong.dispatch.application;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.assignment.AssignmentStatusChanged;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.common.AgencyRoles;
import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.domain.AssignmentDeadlines;
import io.liandong.dispatch.domain.AssignmentLifecycle;
import io.liandong.dispatch.domain.IncidentLifecycle;
import io.liandong.dispatch.domain.playbook.AgencyDirectory;
import io.liandong.dispatch.domain.playbook.Playbook;
import io.liandong.dispatch.persistence.AssignmentEntity;
import io.liandong.dispatch.persistence.IncidentEntity;
import io.liandong.platform.deadline.Deadline;
import io.liandong.platform.deadline.Deadlines;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.versioning.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Assignments: created by the playbook or by hand, moved by agencies' events or by operators, with durable clocks. */
@ApplicationScoped
@Transactional
public class AssignmentService {

    private static final Logger LOG = Logger.getLogger(AssignmentService.class);

    /** The deadline kind of assignment clocks in the shared timer table. */
    public static final String DEADLINE_KIND = "dispatch.assignment";

    private final Events events;
    private final Clock clock;
    private final Deadlines deadlines;
    private final PlaybookService playbooks;
    private final IncidentTransitions transitions;
    private final AssignmentMetrics metrics;

    AssignmentService(Events events, Clock clock, Deadlines deadlines, PlaybookService playbooks,
                      IncidentTransitions transitions, AssignmentMetrics metrics) {
        this.events = events;
        this.clock = clock;
        this.deadlines = deadlines;
        this.playbooks = playbooks;
        this.transitions = transitions;
        this.metrics = metrics;
    }

    /** One assignment per agency the playbook requires; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    int dispatch(IncidentEntity incident, Playbook playbook, EventEnvelope cause) {
        List<AgencyDirectory.Need> needs = AgencyDirectory.needs(playbook, situation(incident));
        for (AgencyDirectory.Need need : needs) {
            create(incident, playbook, need.role(), need.agency(), false, IncidentTransitions.SELF, cause);
        }
        return needs.size();
    }

    /** After a change of severity or casualties: the roles now required that no live assignment fills yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    int reapply(IncidentEntity incident, Playbook playbook, EventEnvelope cause) {
        Set<String> filled = new HashSet<>();
        for (AssignmentEntity a : AssignmentEntity.ofIncident(incident.id)) {
            if (!AssignmentStatus.RELEASED.equals(WireValues.parse(AssignmentStatus.class, a.status))) {
                filled.add(a.agencyRole);
            }
        }
        int added = 0;
        for (AgencyDirectory.Need need : AgencyDirectory.needs(playbook, situation(incident))) {
            if (filled.add(need.role().role())) {
                create(incident, playbook, need.role(), need.agency(), false, IncidentTransitions.SELF, cause);
                added++;
            }
        }
        return added;
    }

    /** An operator adds an agency by hand; it must be one the incident's playbook knows. */
    public AssignmentView add(String incidentId, String agencyId, String createdBy) {
        IncidentEntity incident = IncidentService.find(incidentId);
        if (IncidentLifecycle.isFinal(WireValues.parse(IncidentStatus.class, incident.status))) {
            throw new IllegalStateChangeException("incident " + incidentId + " is " + incident.status
                    + "; it takes no new assignments");
        }
        Playbook playbook = playbooks.version(incident.playbookVersion);
        Playbook.Agency agency = playbook.agency(agencyId).orElseThrow(() -> new InvalidInputException("agencyId",
                "unknown agency '" + agencyId + "'; the playbook " + playbook.version() + " knows: "
                        + String.join(", ", playbook.agencies().stream().map(Playbook.Agency::id).toList())));
        AssignmentEntity created = create(incident, playbook, playbook.roles().get(agency.role()), agency, true, createdBy, null);
        AssignmentEntity.flush();
        return view(created, playbook, incident.incidentType);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentView> list(String incidentId) {
        IncidentEntity incident = IncidentService.find(incidentId);
        Playbook playbook = playbooks.version(incident.playbookVersion);
        return AssignmentEntity.ofIncident(incidentId).stream().map(a -> view(a, playbook, incident.incidentType)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentView get(String incidentId, String assignmentId) {
        IncidentEntity incident = IncidentService.find(incidentId);
        return view(find(incidentId, assignmentId), playbooks.version(incident.playbookVersion), incident.incidentType);
    }

    /** An operator records a move the agency reported by radio or phone; If-Match must name the assignment's version. */
    public AssignmentView move(String incidentId, String assignmentId, AssignmentStatus to, String changedBy, String reason,
                               String ifMatch) {
        AssignmentEntity assignment = find(incidentId, assignmentId);
        Versions.requireMatch(ifMatch, assignment.version, "assignment", assignmentId);
        AssignmentStatus from = WireValues.parse(AssignmentStatus.class, assignment.status);
        AssignmentLifecycle.require(assignmentId, from, to);
        Instant now = clock.instant();
        apply(assignment, to, now, null);
        events.publish(new AssignmentStatusChanged(assignmentId, incidentId, assignment.agencyId, from, to, changedBy,
                reason, now), null);
        AssignmentEntity.flush();
        IncidentEntity incident = IncidentService.find(incidentId);
        return view(assignment, playbooks.version(incident.playbookVersion), incident.incidentType);
    }

    /**
     * A move an agency reported (department-service's events). Out-of-date or repeated moves change
     * nothing: the assignment is already further on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(String assignmentId, AssignmentStatus to, Instant at, EventEnvelope cause) {
        AssignmentEntity assignment = AssignmentEntity.findById(assignmentId);
        if (assignment == null) {
            LOG.warnf("%s for assignment %s, which dispatch-service does not know; kept in the timeline only",
                    cause.type().type(), assignmentId);
            return;
        }
        AssignmentStatus from = WireValues.parse(AssignmentStatus.class, assignment.status);
        if (!AssignmentLifecycle.allows(from, to)) {
            LOG.debugf("assignment %s is %s already; %s changes nothing", assignmentId, assignment.status, WireValues.of(to));
            return;
        }
        apply(assignment, to, at, cause);
    }

    /** An agency passed the assignment on (department-service): the new agency owes the steps; the clocks keep running. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referred(String assignmentId, String toAgencyId) {
        AssignmentEntity assignment = AssignmentEntity.findById(assignmentId);
        if (assignment != null && !WireValues.of(AssignmentStatus.RELEASED).equals(assignment.status)) {
            assignment.agencyId = toAgencyId;
        }
    }

    /** The incident closed or was cancelled: no clock of it may fire any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    void stopClocks(String incidentId) {
        for (AssignmentEntity a : AssignmentEntity.ofIncident(incidentId)) {
            deadlines.cancel(DEADLINE_KIND, a.id, "");
        }
    }

    private void apply(AssignmentEntity a, AssignmentStatus to, Instant at, EventEnvelope cause) {
        boolean wasAcknowledged = a.acknowledgedAt != null;
        a.status = WireValues.of(to);
        switch (to) {
            case ACKNOWLEDGED -> a.acknowledgedAt = at;
            case EN_ROUTE -> a.enRouteAt = at;
            case ON_SCENE -> a.onSceneAt = at;
            case RELEASED -> a.releasedAt = at;
            default -> { }
        }
        if (!wasAcknowledged && to != AssignmentStatus.RELEASED) {
            a.acknowledgedAt = at;    // setting off or arriving implies the assignment was taken
            metrics.responded(a.agencyRole, DeadlineKind.ACKNOWLEDGE, Duration.between(a.notifiedAt, at));
        }
        if (to == AssignmentStatus.ON_SCENE) {
            metrics.responded(a.agencyRole, DeadlineKind.ON_SCENE, Duration.between(a.notifiedAt, at));
        }
        if (AssignmentLifecycle.stepDone(DeadlineKind.ACKNOWLEDGE, to)) {
            deadlines.cancel(DEADLINE_KIND, a.id, AssignmentDeadlines.prefix(DeadlineKind.ACKNOWLEDGE));
        }
        if (AssignmentLifecycle.stepDone(DeadlineKind.ON_SCENE, to)) {
            deadlines.cancel(DEADLINE_KIND, a.id, "");
        }
        if (to == AssignmentStatus.ON_SCENE) {
            transitions.advanceIfAllowed(a.incidentId, IncidentStatus.ON_SCENE,
                    "first agency on scene: " + a.agencyId, cause);
        }
    }

    private AssignmentEntity create(IncidentEntity incident, Playbook playbook, Playbook.RolePolicy role,
                                    Playbook.Agency agency, boolean manual, String createdBy, EventEnvelope cause) {
        Instant now = clock.instant();
        AssignmentEntity a = new AssignmentEntity();
        a.id = "asg-" + UUID.randomUUID();
        a.incidentId = incident.id;
        a.agencyRole = role.role();
        a.agencyId = agency.id();
        a.onSiteGroup = WireValues.of(role.onSiteGroup());
        a.duties = String.join("\n", role.duties());
        a.status = WireValues.of(AssignmentStatus.NOTIFIED);
        a.manual = manual;
        a.createdBy = createdBy;
        a.playbookVersion = playbook.version();
        a.notifiedAt = now;
        a.acknowledgeDueAt = now.plus(role.acknowledgeWithin());
        a.onSceneDueAt = now.plus(role.onSceneWithin());
        a.persist();
        List<Deadline> timers = new ArrayList<>();
        for (DeadlineKind clockKind : DeadlineKind.values()) {
            Duration limit = clockKind == DeadlineKind.ACKNOWLEDGE ? role.acknowledgeWithin() : role.onSceneWithin();
            for (AssignmentDeadlines.Timer timer : AssignmentDeadlines.of(clockKind, now, limit, playbook.warningThresholds())) {
                timers.add(new Deadline(DEADLINE_KIND, a.id, timer.name(), incident.id, timer.dueAt(), timer.data()));
            }
        }
        deadlines.scheduleAll(timers);
        events.publish(new AssignmentCreated(a.id, incident.id, a.agencyRole, a.agencyId, role.onSiteGroup(), role.duties(),
                a.acknowledgeDueAt, a.onSceneDueAt, a.playbookVersion, now), cause);
        return a;
    }

    static AssignmentEntity find(String incidentId, String assignmentId) {
        AssignmentEntity a = AssignmentEntity.findById(assignmentId);
        if (a == null || !a.incidentId.equals(incidentId)) {
            throw new UnknownResourceException("assignment of incident " + incidentId, assignmentId);
        }
        return a;
    }

    static AgencyDirectory.Situation situation(IncidentEntity incident) {
        return new AgencyDirectory.Situation(incident.incidentType, incident.disputeType, incident.areaCode,
                WireValues.parse(Severity.class, incident.severity), incident.casualtiesReported);
    }

    static AssignmentView view(AssignmentEntity a, Playbook playbook, String incidentType) {
        OnSiteGroup group = WireValues.parse(OnSiteGroup.class, a.onSiteGroup);
        var type = playbook.incidentType(incidentType);
        String name = playbook.agency(a.agencyId).map(Playbook.Agency::name).orElse(a.agencyId);
        // The crowd-guidance procedure is the crowd-guidance group's and the order group's to run; every group sees it.
        return new AssignmentView(a.id, a.incidentId, a.agencyRole, a.agencyId, name, group,
                WireValues.parse(AssignmentStatus.class, a.status), a.manual, a.createdBy,
                Arrays.asList(a.duties.split("\n")), type.map(Playbook.IncidentTypePolicy::crowdGuidance).orElse(null),
                type.map(t -> t.talkingPoints().getOrDefault(group, List.of())).orElse(List.of()),
                a.notifiedAt, a.acknowledgeDueAt, a.onSceneDueAt, a.acknowledgedAt, a.enRouteAt, a.onSceneAt, a.releasedAt,
                a.acknowledgeBreached, a.onSceneBreached, a.escalationLevel,
                a.acknowledgedAt == null ? null : Duration.between(a.notifiedAt, a.acknowledgedAt),
                a.onSceneAt == null ? null : Duration.between(a.notifiedAt, a.onSceneAt), a.playbookVersion, a.version);
    }

    /** Whether the role is the police's (the golden period starts with their arrival). */
    static boolean isPolice(AssignmentEntity a) {
        return AgencyRoles.POLICE.equals(a.agencyRole);
    }
}
