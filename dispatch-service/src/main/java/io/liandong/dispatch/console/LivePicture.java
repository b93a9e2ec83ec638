package io.liandong.dispatch.console;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventPayload;
import io.liandong.contracts.EventType;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.AssignmentDeadlineWarning;
import io.liandong.contracts.assignment.AssignmentEnRoute;
import io.liandong.contracts.assignment.AssignmentEscalated;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.assignment.AssignmentReferred;
import io.liandong.contracts.assignment.AssignmentReleased;
import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.assignment.AssignmentStatusChanged;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.followup.FollowupItemEscalated;
import io.liandong.contracts.followup.FollowupItemOverdue;
import io.liandong.contracts.followup.FollowupItemReopened;
import io.liandong.contracts.followup.FollowupItemUpdated;
import io.liandong.contracts.followup.FollowupItemVerified;
import io.liandong.contracts.followup.FollowupPlanCreated;
import io.liandong.contracts.followup.PlannedItem;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentSeverityChanged;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.contracts.mediation.MediationProposalAnswered;
import io.liandong.contracts.mediation.MediationProposalMade;
import io.liandong.contracts.mediation.MediationSessionHeld;
import io.liandong.contracts.milestone.MilestoneRecorded;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ResolutionFailed;
import io.liandong.contracts.review.ReviewPublished;
import io.liandong.dispatch.console.ConsoleViews.Activity;
import io.liandong.dispatch.console.ConsoleViews.IncidentCard;
import io.liandong.dispatch.console.ConsoleViews.Surge;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The operators' live picture, folded from the events of all four services: open incidents with their assignments
 * and clocks, escalations, milestones, mediation and commitments; recently closed incidents; grievance surges; the
 * activity feed. Bounded: open incidents are kept whole, closed ones and surges only the most recent.
 *
 * <p>Not thread-safe: {@link ConsoleHub} applies events and takes snapshots under one lock.
 */
final class LivePicture {

    /**
     * What applying one event did to the picture. {@code folded}: it only counted one more in the activity line
     * before it (see {@link #foldLink}), so a console loses nothing if it hears of it with the next change.
     */
    record Applied(Activity activity, IncidentCard incident, Surge surge, String evictedIncidentId, boolean folded) {

        Applied(Activity activity, IncidentCard incident, Surge surge, String evictedIncidentId) {
            this(activity, incident, surge, evictedIncidentId, false);
        }
    }

    static final int MAX_ACTIVITY = 200;
    static final int MAX_PER_INCIDENT_LIST = 50;

    private final int maxClosed;
    private final int maxSurges;
    private final Map<String, IncidentState> open = new LinkedHashMap<>();
    private final LinkedHashMap<String, IncidentState> closed = new LinkedHashMap<>();
    private final LinkedHashMap<String, SurgeState> surges = new LinkedHashMap<>();
    private final Deque<Activity> activity = new ArrayDeque<>();
    private final Map<EventType, BiFunction<EventEnvelope, EventPayload, Applied>> handlers = new EnumMap<>(EventType.class);
    private int linksInRow;

    LivePicture(int maxClosed, int maxSurges) {
        this.maxClosed = maxClosed;
        this.maxSurges = maxSurges;
        onIncident(EventType.INCIDENT_REPORTED, IncidentReported.class, this::reported);
        onIncident(EventType.INCIDENT_STATUS_CHANGED, IncidentStatusChanged.class, (i, e) -> {
            i.status = wire(e.to());
            return wire(e.from()) + " → " + wire(e.to());
        });
        onIncident(EventType.INCIDENT_SEVERITY_CHANGED, IncidentSeverityChanged.class, (i, e) -> {
            i.severity = wire(e.to());
            if (e.estimatedCrowdSize() != null) {
                i.crowd = e.estimatedCrowdSize();
            }
            return wire(e.from()) + " → " + wire(e.to());
        });
        onIncident(EventType.ASSIGNMENT_CREATED, AssignmentCreated.class, (i, e) -> {
            AssignmentState a = i.assignment(e.assignmentId());
            a.agencyId = e.agencyId();
            a.role = e.agencyRole();
            a.group = wire(e.onSiteGroup());
            a.createdAt = e.createdAt();
            a.ackDue = e.acknowledgeDueAt();
            a.sceneDue = e.onSceneDueAt();
            return e.agencyId();
        });
        onIncident(EventType.ASSIGNMENT_ACKNOWLEDGED, AssignmentAcknowledged.class,
                (i, e) -> moved(i, e.assignmentId(), e.agencyId(), AssignmentStatus.ACKNOWLEDGED, e.acknowledgedAt()));
        onIncident(EventType.ASSIGNMENT_EN_ROUTE, AssignmentEnRoute.class,
                (i, e) -> moved(i, e.assignmentId(), e.agencyId(), AssignmentStatus.EN_ROUTE, e.departedAt()));
        onIncident(EventType.ASSIGNMENT_ON_SCENE, AssignmentOnScene.class,
                (i, e) -> moved(i, e.assignmentId(), e.agencyId(), AssignmentStatus.ON_SCENE, e.arrivedAt()));
        onIncident(EventType.ASSIGNMENT_RELEASED, AssignmentReleased.class,
                (i, e) -> moved(i, e.assignmentId(), e.agencyId(), AssignmentStatus.RELEASED, e.releasedAt()));
        onIncident(EventType.ASSIGNMENT_STATUS_CHANGED, AssignmentStatusChanged.class,
                (i, e) -> moved(i, e.assignmentId(), e.agencyId(), e.to(), e.changedAt()));
        onIncident(EventType.ASSIGNMENT_REFERRED, AssignmentReferred.class, (i, e) -> {
            i.assignment(e.assignmentId()).agencyId = e.toAgencyId();
            return e.fromAgencyId() + " → " + e.toAgencyId();
        });
        onIncident(EventType.ASSIGNMENT_DEADLINE_WARNING, AssignmentDeadlineWarning.class, (i, e) -> {
            AssignmentState a = i.assignment(e.assignmentId());
            a.agencyId = Objects.requireNonNullElse(a.agencyId, e.agencyId());
            a.warned.merge(e.deadline(), e.thresholdPercent(), Math::max);
            return e.agencyId() + " " + wire(e.deadline()) + " " + e.thresholdPercent() + "%";
        });
        onIncident(EventType.ASSIGNMENT_DEADLINE_BREACHED, AssignmentDeadlineBreached.class, (i, e) -> {
            AssignmentState a = i.assignment(e.assignmentId());
            a.agencyId = Objects.requireNonNullElse(a.agencyId, e.agencyId());
            a.breached.put(e.deadline(), e.breachedAt());
            if (e.deadline() == DeadlineKind.ACKNOWLEDGE && a.ackDue == null) {
                a.ackDue = e.dueAt();
            } else if (e.deadline() == DeadlineKind.ON_SCENE && a.sceneDue == null) {
                a.sceneDue = e.dueAt();
            }
            return e.agencyId() + " " + wire(e.deadline());
        });
        onIncident(EventType.ASSIGNMENT_ESCALATED, AssignmentEscalated.class, (i, e) -> {
            AssignmentState a = i.assignment(e.assignmentId());
            a.agencyId = Objects.requireNonNullElse(a.agencyId, e.agencyId());
            a.escalationLevel = Math.max(a.escalationLevel, e.level());
            a.escalatedTo = e.escalatedTo();
            i.escalations.add(new ConsoleViews.Escalation("assignment", e.assignmentId(), e.agencyId(), e.level(),
                    e.escalatedTo(), e.reason(), e.escalatedAt()));
            trim(i.escalations);
            return e.agencyId() + " → " + e.escalatedTo() + " (" + e.level() + ")";
        });
        onIncident(EventType.MILESTONE_RECORDED, MilestoneRecorded.class, (i, e) -> {
            i.milestones.add(new ConsoleViews.Milestone(e.milestone(), wire(e.onSiteGroup()), e.agencyId(),
                    e.recordedAt(), e.note()));
            trim(i.milestones);
            return e.milestone() + " (" + e.agencyId() + ")";
        });
        onIncident(EventType.MEDIATION_SESSION_HELD, MediationSessionHeld.class, (i, e) -> {
            i.mediation("in-session", e.mediatingAgencyId(), e.summary(), e.heldAt());
            i.sessions = Math.max(i.sessions, e.sessionNumber());
            return "#" + e.sessionNumber() + " " + e.mediatingAgencyId();
        });
        onIncident(EventType.MEDIATION_PROPOSAL_MADE, MediationProposalMade.class, (i, e) -> {
            i.mediation("proposal", null, String.join("; ", e.terms()), e.madeAt());
            return e.proposedBy();
        });
        onIncident(EventType.MEDIATION_PROPOSAL_ANSWERED, MediationProposalAnswered.class, (i, e) -> {
            i.mediation("proposal", null, i.mediationSummary, e.answeredAt());
            return e.partyId() + ": " + wire(e.answer());
        });
        onIncident(EventType.RESOLUTION_FAILED, ResolutionFailed.class, (i, e) -> {
            i.mediation("failed", e.competentAgencyId(), e.reason(), e.failedAt());
            return e.reason();
        });
        onIncident(EventType.RESOLUTION_AGREED, ResolutionAgreed.class, (i, e) -> {
            i.mediation("agreed", null, e.summary(), e.signedAt());
            for (Commitment c : e.commitments()) {
                CommitmentState s = i.commitmentFor(c.commitmentId(), null);
                s.ownerKind = wire(c.owner().kind());
                s.ownerId = c.owner().id();
                s.action = c.action();
                s.dueAt = s.dueAt == null ? c.dueAt() : s.dueAt;
            }
            return e.commitments().size() + " commitments";
        });
        onIncident(EventType.FOLLOWUP_PLAN_CREATED, FollowupPlanCreated.class, (i, e) -> {
            for (PlannedItem item : e.items()) {
                CommitmentState s = i.commitmentFor(item.commitmentId(), item.itemId());
                s.ownerKind = wire(item.owner().kind());
                s.ownerId = item.owner().id();
                s.action = item.action();
                s.dueAt = item.dueAt();
                s.status = "pending";
            }
            return e.items().size() + " items";
        });
        onIncident(EventType.FOLLOWUP_ITEM_UPDATED, FollowupItemUpdated.class, (i, e) -> {
            CommitmentState s = i.commitmentFor(null, e.itemId());
            s.status = wire(e.to());
            return e.itemId() + " " + wire(e.from()) + " → " + wire(e.to());
        });
        onIncident(EventType.FOLLOWUP_ITEM_OVERDUE, FollowupItemOverdue.class, (i, e) -> {
            CommitmentState s = i.commitmentFor(null, e.itemId());
            s.overdue = true;
            s.dueAt = e.dueAt();
            if (s.ownerId == null) {
                s.ownerKind = wire(e.owner().kind());
                s.ownerId = e.owner().id();
            }
            return e.itemId() + " " + e.owner().id();
        });
        onIncident(EventType.FOLLOWUP_ITEM_ESCALATED, FollowupItemEscalated.class, (i, e) -> {
            CommitmentState s = i.commitmentFor(null, e.itemId());
            s.escalationLevel = Math.max(s.escalationLevel, e.level());
            s.escalatedTo = e.escalatedTo();
            i.escalations.add(new ConsoleViews.Escalation("commitment", e.itemId(), s.ownerId, e.level(),
                    e.escalatedTo(), e.reason(), e.escalatedAt()));
            trim(i.escalations);
            return e.itemId() + " → " + e.escalatedTo() + " (" + e.level() + ")";
        });
        onIncident(EventType.FOLLOWUP_ITEM_VERIFIED, FollowupItemVerified.class, (i, e) -> {
            CommitmentState s = i.commitmentFor(null, e.itemId());
            s.status = "verified";
            s.overdue = false;
            return e.itemId() + " " + e.verifiedBy();
        });
        onIncident(EventType.FOLLOWUP_ITEM_REOPENED, FollowupItemReopened.class, (i, e) -> {
            CommitmentState s = i.commitmentFor(null, e.itemId());
            s.status = "reopened";
            return e.itemId() + " " + e.reason();
        });
        onIncident(EventType.REVIEW_PUBLISHED, ReviewPublished.class, (i, e) -> {
            i.review = new ConsoleViews.Review(e.reviewId(), e.publishedAt(), e.breachCount(),
                    e.correctiveActionCount(), e.summary());
            return e.breachCount() + " breaches, " + e.correctiveActionCount() + " corrective actions";
        });
        handlers.put(EventType.GRIEVANCE_SURGE_DETECTED,
                (env, p) -> surgeDetected(env, (GrievanceSurgeDetected) p));
    }

    /**
     * Folds one event into the picture. Types the console does not show (grievance intake, notes, alerts) still join
     * the activity feed when they name an incident, so nothing that happened to an incident is invisible.
     */
    Applied apply(EventEnvelope event) {
        var handler = handlers.get(event.type());
        Applied applied;
        if (handler != null) {
            applied = handler.apply(event, event.payload());
        } else if (event.incidentId() != null) {
            IncidentState incident = incident(event.incidentId());
            incident.updatedAt = event.time();
            applied = new Applied(activity(event, null), incident.card(), null, null);
        } else {
            return null;
        }
        Activity line = foldLink(event, applied.activity());
        if (line != applied.activity()) {
            applied = new Applied(line, applied.incident(), applied.surge(), applied.evictedIncidentId(), true);
        }
        record(line);
        return applied;
    }

    /**
     * Links to one incident in a row (an incident opened from a surge links thousands at once) make one line that
     * counts them ("×500", in any language) under the id of the first, instead of a line each that would push
     * everything else out of the feed. A console replaces the line with that id; any other event in between starts
     * a new line.
     */
    private Activity foldLink(EventEnvelope event, Activity line) {
        if (event.type() != EventType.GRIEVANCE_LINKED) {
            return line;
        }
        Activity head = activity.peekFirst();
        if (head == null || !head.type().equals(line.type()) || !Objects.equals(head.incidentId(), line.incidentId())) {
            linksInRow = 1;
            return line;
        }
        activity.removeFirst();
        linksInRow++;
        return new Activity(head.eventId(), line.type(), line.time(), line.incidentId(), line.subject(),
                "×" + linksInRow, false);
    }

    List<IncidentCard> openIncidents() {
        return open.values().stream()
                .sorted(Comparator.comparing((IncidentState i) -> i.reportedAt == null ? Instant.MAX : i.reportedAt)
                        .reversed())
                .map(IncidentState::card).toList();
    }

    List<IncidentCard> recentlyClosed() {
        List<IncidentCard> cards = new ArrayList<>();
        closed.values().forEach(i -> cards.add(0, i.card()));
        return cards;
    }

    List<Surge> surges() {
        List<Surge> list = new ArrayList<>();
        surges.values().forEach(s -> list.add(0, s.view()));
        return list;
    }

    List<Activity> activity() {
        return List.copyOf(activity);
    }

    // --- handlers

    private <P extends EventPayload> void onIncident(EventType type, Class<P> payloadClass,
                                                     BiFunction<IncidentState, P, String> change) {
        handlers.put(type, (event, payload) -> {
            String incidentId = event.incidentId() != null ? event.incidentId() : payload.incident().orElseThrow();
            IncidentState incident = incident(incidentId);
            String detail = change.apply(incident, payloadClass.cast(payload));
            incident.updatedAt = event.time();
            String evicted = settle(incident);
            return new Applied(activity(event, detail), incident.card(), null, evicted);
        });
    }

    private String reported(IncidentState i, IncidentReported e) {
        i.known = true;
        i.type = e.incidentType();
        i.disputeType = e.disputeType();
        i.severity = wire(e.severity());
        i.status = i.status == null ? wire(IncidentStatus.REPORTED) : i.status;
        i.crowd = e.estimatedCrowdSize();
        i.place = new ConsoleViews.Place(e.place().lat(), e.place().lon(), e.place().address(), e.place().areaCode());
        i.description = e.description();
        i.origin = wire(e.origin());
        i.reportedAt = e.reportedAt();
        if (e.surgeClusterId() != null && surges.containsKey(e.surgeClusterId())) {
            surges.get(e.surgeClusterId()).incidentId = e.incidentId();
        }
        return e.incidentType() + " " + e.place().address();
    }

    private String moved(IncidentState i, String assignmentId, String agencyId, AssignmentStatus to, Instant at) {
        AssignmentState a = i.assignment(assignmentId);
        a.agencyId = Objects.requireNonNullElse(a.agencyId, agencyId);
        if (a.status == null || to.ordinal() > a.status.ordinal()) {
            a.status = to;
        }
        if (to.ordinal() >= AssignmentStatus.ACKNOWLEDGED.ordinal() && a.ackDone == null) {
            a.ackDone = at;
        }
        if (to.ordinal() >= AssignmentStatus.ON_SCENE.ordinal() && a.sceneDone == null) {
            a.sceneDone = at;
        }
        return agencyId + " " + wire(to);
    }

    private Applied surgeDetected(EventEnvelope event, GrievanceSurgeDetected e) {
        SurgeState s = surges.remove(e.clusterId());
        if (s == null) {
            s = new SurgeState();
        }
        if (s.payload == null || e.revision() >= s.payload.revision()) {
            s.payload = e;
        }
        surges.put(e.clusterId(), s);
        while (surges.size() > maxSurges) {
            Iterator<String> oldest = surges.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        String detail = e.count() + " × " + e.category() + " @ " + e.areaCode();
        return new Applied(activity(event, detail), null, s.view(), null);
    }

    // --- state

    private IncidentState incident(String id) {
        IncidentState state = open.get(id);
        if (state == null) {
            state = closed.get(id);
        }
        if (state == null) {
            state = new IncidentState(id);
            open.put(id, state);
        }
        return state;
    }

    /** Moves a closed or cancelled incident out of the open ones; returns the id of a closed one dropped to make room. */
    private String settle(IncidentState i) {
        if (!i.isOpen() && open.remove(i.id) != null) {
            closed.put(i.id, i);
            if (closed.size() > maxClosed) {
                Iterator<String> oldest = closed.keySet().iterator();
                String evicted = oldest.next();
                oldest.remove();
                return evicted;
            }
        }
        return null;
    }

    private void record(Activity a) {
        activity.addFirst(a);
        while (activity.size() > MAX_ACTIVITY) {
            activity.removeLast();
        }
    }

    private static Activity activity(EventEnvelope e, String detail) {
        boolean alarm = switch (e.type()) {
            case ASSIGNMENT_DEADLINE_BREACHED, ASSIGNMENT_ESCALATED, FOLLOWUP_ITEM_OVERDUE, FOLLOWUP_ITEM_ESCALATED,
                 GRIEVANCE_SURGE_DETECTED, RESOLUTION_FAILED -> true;
            default -> false;
        };
        return new Activity(e.id(), e.type().type(), e.time(), e.incidentId(), e.subject(), detail, alarm);
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : WireValues.of(value);
    }

    private static void trim(List<?> list) {
        while (list.size() > MAX_PER_INCIDENT_LIST) {
            list.remove(0);
        }
    }

    private static final class IncidentState {
        final String id;
        boolean known;
        String type;
        String disputeType;
        String severity;
        String status;
        Integer crowd;
        ConsoleViews.Place place;
        String description;
        String origin;
        Instant reportedAt;
        Instant updatedAt;
        final Map<String, AssignmentState> assignments = new LinkedHashMap<>();
        final List<ConsoleViews.Escalation> escalations = new ArrayList<>();
        final List<ConsoleViews.Milestone> milestones = new ArrayList<>();
        String mediationState = "none";
        int sessions;
        String mediatingAgency;
        String mediationSummary;
        Instant mediationAt;
        final Map<String, CommitmentState> commitments = new LinkedHashMap<>();
        ConsoleViews.Review review;

        IncidentState(String id) {
            this.id = id;
        }

        boolean isOpen() {
            return !"closed".equals(status) && !"cancelled".equals(status);
        }

        AssignmentState assignment(String assignmentId) {
            return assignments.computeIfAbsent(assignmentId, AssignmentState::new);
        }

        void mediation(String state, String agency, String summary, Instant at) {
            mediationState = state;
            if (agency != null) {
                mediatingAgency = agency;
            }
            mediationSummary = summary;
            mediationAt = at;
        }

        /** The commitment an item tracks: found by item id, then by commitment id, else a new one. */
        CommitmentState commitmentFor(String commitmentId, String itemId) {
            if (itemId != null) {
                for (CommitmentState c : commitments.values()) {
                    if (itemId.equals(c.itemId)) {
                        return c;
                    }
                }
            }
            if (commitmentId != null) {
                for (CommitmentState c : commitments.values()) {
                    if (commitmentId.equals(c.commitmentId) && (c.itemId == null || c.itemId.equals(itemId))) {
                        c.itemId = itemId != null ? itemId : c.itemId;
                        return c;
                    }
                }
            }
            CommitmentState c = new CommitmentState();
            c.commitmentId = commitmentId;
            c.itemId = itemId;
            commitments.put(itemId != null ? "item:" + itemId : "commitment:" + commitmentId, c);
            return c;
        }

        IncidentCard card() {
            return new IncidentCard(id, known, isOpen(), type, disputeType, severity, status, crowd, place,
                    description, origin, reportedAt, updatedAt,
                    assignments.values().stream().map(AssignmentState::view).toList(),
                    List.copyOf(escalations), List.copyOf(milestones),
                    new ConsoleViews.Mediation(mediationState, sessions, mediatingAgency, mediationSummary, mediationAt),
                    commitments.values().stream().map(CommitmentState::view).toList(), review);
        }
    }

    private static final class AssignmentState {
        final String id;
        String agencyId;
        String role;
        String group;
        AssignmentStatus status;
        Instant createdAt;
        Instant ackDue;
        Instant sceneDue;
        Instant ackDone;
        Instant sceneDone;
        final Map<DeadlineKind, Instant> breached = new EnumMap<>(DeadlineKind.class);
        final Map<DeadlineKind, Integer> warned = new EnumMap<>(DeadlineKind.class);
        int escalationLevel;
        String escalatedTo;

        AssignmentState(String id) {
            this.id = id;
        }

        ConsoleViews.Assignment view() {
            return new ConsoleViews.Assignment(id, agencyId, role, group,
                    status == null ? "notified" : WireValues.of(status), createdAt,
                    new ConsoleViews.Clock(createdAt, ackDue, ackDone, breached.containsKey(DeadlineKind.ACKNOWLEDGE),
                            warned.get(DeadlineKind.ACKNOWLEDGE)),
                    new ConsoleViews.Clock(createdAt, sceneDue, sceneDone, breached.containsKey(DeadlineKind.ON_SCENE),
                            warned.get(DeadlineKind.ON_SCENE)),
                    escalationLevel, escalatedTo);
        }
    }

    private static final class CommitmentState {
        String commitmentId;
        String itemId;
        String ownerKind;
        String ownerId;
        String action;
        Instant dueAt;
        String status = "agreed";
        boolean overdue;
        int escalationLevel;
        String escalatedTo;

        ConsoleViews.Commitment view() {
            String key = itemId != null ? itemId : commitmentId;
            return new ConsoleViews.Commitment(key, commitmentId, itemId, ownerKind, ownerId, action, dueAt, status,
                    overdue && !"verified".equals(status) && !"done".equals(status), escalationLevel, escalatedTo);
        }
    }

    private static final class SurgeState {
        GrievanceSurgeDetected payload;
        String incidentId;

        Surge view() {
            GrievanceSurgeDetected p = payload;
            return new Surge(p.clusterId(), p.revision(), p.category(), p.disputeType(), p.areaCode(),
                    p.centre() == null ? null : p.centre().lat(), p.centre() == null ? null : p.centre().lon(),
                    p.radiusMeters(), p.count(), p.windowStart(), p.windowEnd(), p.detectedAt(), incidentId);
        }
    }
}
