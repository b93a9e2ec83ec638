package io.liandong.dispatch.application;

import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.milestone.MilestoneRecorded;
import io.liandong.contracts.milestone.Milestones;
import io.liandong.dispatch.domain.GoldenPeriod;
import io.liandong.dispatch.domain.IncidentLifecycle;
import io.liandong.dispatch.domain.playbook.Playbook;
import io.liandong.dispatch.persistence.AssignmentEntity;
import io.liandong.dispatch.persistence.IncidentEntity;
import io.liandong.dispatch.persistence.MilestoneEntity;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Scene milestones (the groups' checklists), golden-period compliance and response times. */
@ApplicationScoped
@Transactional
public class MilestoneService {

    public record MilestoneView(String code, OnSiteGroup onSiteGroup, String agencyId, String recordedBy, Instant recordedAt,
                                String note) {
    }

    /** One checklist item: reached (with the milestone) or still open. */
    public record ChecklistItem(String code, OnSiteGroup onSiteGroup, boolean done, MilestoneView milestone) {
    }

    public record Checklist(String incidentId, List<ChecklistItem> items, List<MilestoneView> milestones) {
    }

    /** One agency's response against its limits. */
    public record AgencyResponse(String assignmentId, String agencyRole, String agencyId, Instant notifiedAt,
                                 Duration timeToAcknowledge, Duration acknowledgeLimit, boolean acknowledgeBreached,
                                 Duration timeToScene, Duration onSceneLimit, boolean onSceneBreached, int escalationLevel) {
    }

    public record Performance(String incidentId, String playbookVersion, GoldenPeriod goldenPeriod,
                              List<AgencyResponse> responses) {
    }

    private final Events events;
    private final Clock clock;
    private final PlaybookService playbooks;
    private final IncidentTransitions transitions;

    MilestoneService(Events events, Clock clock, PlaybookService playbooks, IncidentTransitions transitions) {
        this.events = events;
        this.clock = clock;
        this.playbooks = playbooks;
        this.transitions = transitions;
    }

    /**
     * Records a milestone of the incident's playbook once. {@code scene-under-control} also moves an
     * incident on scene to under control.
     */
    public MilestoneView record(String incidentId, String code, String agencyId, String recordedBy, String note,
                                Instant recordedAt) {
        IncidentEntity incident = IncidentService.find(incidentId);
        if (IncidentLifecycle.isFinal(WireValues.parse(IncidentStatus.class, incident.status))) {
            throw new IllegalStateChangeException("incident " + incidentId + " is " + incident.status + "; no more milestones");
        }
        Playbook playbook = playbooks.version(incident.playbookVersion);
        OnSiteGroup group = playbook.checklists().entrySet().stream().filter(e -> e.getValue().contains(code))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new InvalidInputException("milestone", "unknown milestone '" + code + "'; the checklists of "
                        + playbook.version() + " hold: " + String.join(", ", playbook.checklists().values().stream()
                        .flatMap(List::stream).toList())));
        if (playbook.agency(agencyId).isEmpty()) {
            throw new InvalidInputException("agencyId", "unknown agency '" + agencyId + "'");
        }
        if (MilestoneEntity.count("incidentId = ?1 AND code = ?2", incidentId, code) > 0) {
            throw new IllegalStateChangeException("milestone " + code + " of incident " + incidentId + " is recorded already");
        }
        Instant now = clock.instant();
        Instant at = recordedAt == null ? now : recordedAt;
        if (at.isAfter(now)) {
            throw new InvalidInputException("recordedAt", "is in the future");
        }
        MilestoneEntity m = new MilestoneEntity();
        m.incidentId = incidentId;
        m.code = code;
        m.onSiteGroup = WireValues.of(group);
        m.agencyId = agencyId;
        m.recordedBy = recordedBy;
        m.recordedAt = at;
        m.note = note;
        m.persist();
        events.publish(new MilestoneRecorded(incidentId, code, group, agencyId, recordedBy, at, note), null);
        if (Milestones.SCENE_UNDER_CONTROL.equals(code)) {
            transitions.advanceIfAllowed(incidentId, IncidentStatus.UNDER_CONTROL, "milestone scene-under-control", null);
        }
        return view(m);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Checklist checklist(String incidentId) {
        IncidentEntity incident = IncidentService.find(incidentId);
        Playbook playbook = playbooks.version(incident.playbookVersion);
        List<MilestoneView> reached = MilestoneEntity.ofIncident(incidentId).stream().map(MilestoneService::view).toList();
        List<ChecklistItem> items = new ArrayList<>();
        playbook.checklists().forEach((group, codes) -> codes.forEach(code -> {
            MilestoneView m = reached.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
            items.add(new ChecklistItem(code, group, m != null, m));
        }));
        return new Checklist(incidentId, items, reached);
    }

    /** Response times per agency against the playbook, and the golden period. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Performance performance(String incidentId) {
        IncidentEntity incident = IncidentService.find(incidentId);
        Playbook playbook = playbooks.version(incident.playbookVersion);
        List<AssignmentEntity> assignments = AssignmentEntity.ofIncident(incidentId);
        Instant policeArrived = assignments.stream().filter(AssignmentService::isPolice).map(a -> a.onSceneAt)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Instant underControl = MilestoneEntity.ofIncident(incidentId).stream()
                .filter(m -> Milestones.SCENE_UNDER_CONTROL.equals(m.code)).map(m -> m.recordedAt).findFirst().orElse(null);
        GoldenPeriod golden = GoldenPeriod.of(policeArrived, underControl, playbook.goldenPeriod(), clock.instant());
        List<AgencyResponse> responses = assignments.stream().map(a -> new AgencyResponse(a.id, a.agencyRole, a.agencyId,
                a.notifiedAt, a.acknowledgedAt == null ? null : Duration.between(a.notifiedAt, a.acknowledgedAt),
                Duration.between(a.notifiedAt, a.acknowledgeDueAt), a.acknowledgeBreached,
                a.onSceneAt == null ? null : Duration.between(a.notifiedAt, a.onSceneAt),
                Duration.between(a.notifiedAt, a.onSceneDueAt), a.onSceneBreached, a.escalationLevel)).toList();
        return new Performance(incidentId, incident.playbookVersion, golden, responses);
    }

    private static MilestoneView view(MilestoneEntity m) {
        return new MilestoneView(m.code, WireValues.parse(OnSiteGroup.class, m.onSiteGroup), m.agencyId, m.recordedBy,
                m.recordedAt, m.note);
    }
}
