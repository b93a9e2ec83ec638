package io.liandong.department.application;

import com.fasterxml.jackson.core.type.TypeReference;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentEnRoute;
import io.liandong.contracts.assignment.AssignmentNoteAdded;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.assignment.AssignmentReferred;
import io.liandong.contracts.assignment.AssignmentReleased;
import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.assignment.NoteKind;
import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.WireValues;
import io.liandong.department.config.DepartmentConfig;
import io.liandong.department.domain.Agency;
import io.liandong.department.domain.InboxLifecycle;
import io.liandong.department.domain.ReferralChain;
import io.liandong.department.persistence.AssignmentNoteEntity;
import io.liandong.department.persistence.AssignmentSignalEntity;
import io.liandong.department.persistence.InboxAssignmentEntity;
import io.liandong.department.persistence.IncidentGrievanceEntity;
import io.liandong.department.persistence.IncidentSummaryEntity;
import io.liandong.department.persistence.ReferralEntity;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.idempotency.Idempotency;
import io.liandong.platform.paging.Cursor;
import io.liandong.platform.paging.Page;
import io.liandong.platform.paging.PageSize;
import io.liandong.platform.timeline.IncidentTimeline;
import io.liandong.platform.timeline.TimelineEntry;
import io.liandong.platform.timeline.TimelineResource;
import io.liandong.platform.timeline.TimelineResource.TimelineEvent;
import io.liandong.platform.versioning.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Each agency's inbox: assignments arriving from dispatch, worked by the agency, passed on by referral. */
@ApplicationScoped
@Transactional
public class InboxService {

    private static final Logger LOG = Logger.getLogger(InboxService.class);

    /** How many of the incident's latest events an assignment's detail carries; the timeline resource has the rest. */
    static final int DETAIL_TIMELINE = 50;

    /** How many linked grievance ids an incident's summary lists; it counts them all. */
    static final int DETAIL_GRIEVANCES = 100;

    /** How an assignment found its inbox. */
    public static final String ROUTED_BY_DISPATCH = "dispatch";
    public static final String ROUTED_BY_REGISTRY = "registry";
    public static final String ROUTED_BY_HQ = "hq";

    private final Events events;
    private final Clock clock;
    private final AgencyService agencies;
    private final IncidentTimeline timeline;
    private final DepartmentConfig config;
    private final Idempotency idempotency;

    InboxService(Events events, Clock clock, AgencyService agencies, IncidentTimeline timeline, DepartmentConfig config,
                 Idempotency idempotency) {
        this.idempotency = idempotency;
        this.events = events;
        this.clock = clock;
        this.agencies = agencies;
        this.timeline = timeline;
        this.config = config;
    }

    // ---------------------------------------------------------------- from dispatch

    /**
     * An assignment arrives. The agency dispatch named gets it when the registry knows it; a name
     * that is only a role (or unknown) is resolved by the registry from the incident (dispute type,
     * incident type, area), and what nothing resolves goes to the HQ. The same assignment delivered
     * again (a new event id for one assignment) changes nothing. Moves an operator reported before
     * the assignment arrived are applied now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(AssignmentCreated e, EventEnvelope cause) {
        if (InboxAssignmentEntity.findById(e.assignmentId()) != null) {
            LOG.infof("assignment %s is in an inbox already; the repeated assignment.created %s changes nothing",
                    e.assignmentId(), cause.id());
            return;
        }
        InboxAssignmentEntity a = new InboxAssignmentEntity();
        a.id = e.assignmentId();
        a.incidentId = e.incidentId();
        a.agencyRole = e.agencyRole();
        a.assignedAgencyId = e.agencyId();
        if (agencies.exists(e.agencyId())) {
            a.agencyId = e.agencyId();
            a.routedBy = ROUTED_BY_DISPATCH;
        } else {
            IncidentSummaryEntity incident = IncidentSummaryEntity.findById(e.incidentId());
            var resolved = agencies.resolve(e.agencyRole(), incident == null ? null : incident.disputeType,
                    incident == null ? null : incident.incidentType, incident == null ? null : incident.areaCode);
            a.agencyId = resolved.map(Agency::id).orElse(agencies.hq());
            a.routedBy = resolved.isPresent() ? ROUTED_BY_REGISTRY : ROUTED_BY_HQ;
            if (resolved.isEmpty()) {
                LOG.warnf("assignment %s names '%s' (%s), which the registry cannot resolve; it goes to the HQ",
                        e.assignmentId(), e.agencyId(), e.agencyRole());
            }
        }
        a.onSiteGroup = WireValues.of(e.onSiteGroup());
        a.duties = String.join("\n", e.duties());
        a.status = WireValues.of(AssignmentStatus.NOTIFIED);
        a.playbookVersion = e.playbookVersion();
        a.notifiedAt = e.createdAt();
        a.receivedAt = clock.instant();
        a.acknowledgeDueAt = e.acknowledgeDueAt();
        a.onSceneDueAt = e.onSceneDueAt();
        a.persist();
        for (AssignmentSignalEntity s : AssignmentSignalEntity.of(a.id)) {
            if (s.statusTo != null) {
                moveForwards(a, WireValues.parse(AssignmentStatus.class, s.statusTo), s.occurredAt);
            }
        }
    }

    /**
     * Something the HQ said about an assignment: kept whether or not the assignment has arrived yet
     * (an escalation may overtake its creation), and an operator's move brings the inbox forwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signal(EventEnvelope cause, String assignmentId, String incidentId, String kind, String detail,
                       AssignmentStatus statusTo, Integer level, Instant at) {
        AssignmentSignalEntity s = new AssignmentSignalEntity();
        s.eventId = cause.id();
        s.assignmentId = assignmentId;
        s.incidentId = incidentId;
        s.kind = kind;
        s.detail = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        s.statusTo = statusTo == null ? null : WireValues.of(statusTo);
        s.level = level;
        s.occurredAt = at;
        s.persist();
        InboxAssignmentEntity a = InboxAssignmentEntity.findById(assignmentId);
        if (a != null && statusTo != null) {
            moveForwards(a, statusTo, at);
        }
    }

    private static void moveForwards(InboxAssignmentEntity a, AssignmentStatus to, Instant at) {
        AssignmentStatus from = WireValues.parse(AssignmentStatus.class, a.status);
        if (InboxLifecycle.isForwards(from, to)) {
            stamp(a, to, at);
        }
    }

    // ---------------------------------------------------------------- the agency's own work

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InboxViews.AssignmentView> list(String agencyId, List<AssignmentStatus> statuses, boolean openOnly,
                                                String cursor, Integer limit) {
        int size = PageSize.STANDARD.resolve(limit);
        StringBuilder q = new StringBuilder("agencyId = :agency");
        var params = new HashMap<String, Object>();
        params.put("agency", agencyId);
        if (!statuses.isEmpty()) {
            q.append(" AND status IN :statuses");
            params.put("statuses", statuses.stream().map(WireValues::of).toList());
        } else if (openOnly) {
            q.append(" AND status <> :released");
            params.put("released", WireValues.of(AssignmentStatus.RELEASED));
        }
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, 2);
            Instant at = c.instant(0);
            q.append(" AND (notifiedAt < :at OR (notifiedAt = :at AND id < :id))");
            params.put("at", at);
            params.put("id", c.value(1));
        }
        q.append(" ORDER BY notifiedAt DESC, id DESC");
        List<InboxAssignmentEntity> rows = InboxAssignmentEntity.<InboxAssignmentEntity>find(q.toString(), params)
                .page(0, size + 1).list();
        return Page.of(rows, size, InboxService::view, r -> Cursor.of(r.notifiedAt.toString(), r.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InboxViews.AssignmentDetail get(String agencyId, String assignmentId) {
        InboxAssignmentEntity a = find(agencyId, assignmentId);
        return detail(a);
    }

    public InboxViews.AssignmentView acknowledge(String agencyId, String assignmentId, String by, String ifMatch) {
        InboxAssignmentEntity a = change(agencyId, assignmentId, ifMatch, AssignmentStatus.ACKNOWLEDGED);
        events.publish(new AssignmentAcknowledged(a.id, a.incidentId, a.agencyId, by, a.acknowledgedAt), null);
        return flushed(a);
    }

    public InboxViews.AssignmentView enRoute(String agencyId, String assignmentId, String by, Instant expectedArrivalAt,
                                             String ifMatch) {
        InboxAssignmentEntity a = change(agencyId, assignmentId, ifMatch, AssignmentStatus.EN_ROUTE);
        if (expectedArrivalAt != null && !expectedArrivalAt.isAfter(a.enRouteAt)) {
            throw new InvalidInputException("expectedArrivalAt", "must be after now");
        }
        a.expectedArrivalAt = expectedArrivalAt;
        events.publish(new AssignmentEnRoute(a.id, a.incidentId, a.agencyId, by, a.enRouteAt, expectedArrivalAt), null);
        return flushed(a);
    }

    public InboxViews.AssignmentView onScene(String agencyId, String assignmentId, String by, Integer personnelCount,
                                             String ifMatch) {
        InboxAssignmentEntity a = change(agencyId, assignmentId, ifMatch, AssignmentStatus.ON_SCENE);
        events.publish(new AssignmentOnScene(a.id, a.incidentId, a.agencyId, by, a.onSceneAt, personnelCount), null);
        return flushed(a);
    }

    public InboxViews.AssignmentView release(String agencyId, String assignmentId, String by, String reason, String ifMatch) {
        InboxAssignmentEntity a = change(agencyId, assignmentId, ifMatch, AssignmentStatus.RELEASED);
        events.publish(new AssignmentReleased(a.id, a.incidentId, a.agencyId, by, a.releasedAt, reason), null);
        return flushed(a);
    }

    record NoteRequest(String assignmentId, NoteKind kind, String text, List<String> attachments, String by) {
    }

    /** With an Idempotency-Key, a retry of the same note returns the first answer and adds nothing. */
    public Idempotency.Outcome<InboxViews.Note> addNote(String agencyId, String assignmentId, NoteKind kind, String text,
                                                        List<String> attachments, String by, String idempotencyKey) {
        return idempotency.run("POST /api/v1/agencies/" + agencyId + "/assignments/{id}/notes", idempotencyKey,
                new NoteRequest(assignmentId, kind, text, attachments, by), InboxViews.Note.class,
                () -> addNote(agencyId, assignmentId, kind, text, attachments, by));
    }

    /** A note or situation report: added, never changed, so it takes no If-Match; not on a released assignment. */
    InboxViews.Note addNote(String agencyId, String assignmentId, NoteKind kind, String text, List<String> attachments,
                                   String by) {
        InboxAssignmentEntity a = find(agencyId, assignmentId);
        if (!InboxLifecycle.isOpen(WireValues.parse(AssignmentStatus.class, a.status))) {
            throw new IllegalStateChangeException("assignment " + assignmentId + " is released; it takes no more notes");
        }
        AssignmentNoteEntity n = new AssignmentNoteEntity();
        n.id = "note-" + UUID.randomUUID();
        n.assignmentId = a.id;
        n.agencyId = a.agencyId;
        n.kind = WireValues.of(kind);
        n.text = text;
        n.attachmentUrls = Json.write(attachments);
        n.authoredBy = by;
        n.addedAt = clock.instant();
        n.persist();
        events.publish(new AssignmentNoteAdded(n.id, a.id, a.incidentId, a.agencyId, kind, text, by, n.addedAt, attachments), null);
        return note(n);
    }

    /**
     * Passes the assignment to another agency, with a reason. The new agency finds it in its inbox at
     * once (notified again: it must acknowledge itself) and the referral is published; a referral that
     * would bounce it back to an earlier holder or beyond the bound goes to the HQ instead.
     */
    public InboxViews.AssignmentView refer(String agencyId, String assignmentId, String toAgencyId, String reason, String by,
                                           String ifMatch) {
        InboxAssignmentEntity a = find(agencyId, assignmentId);
        Versions.requireMatch(ifMatch, a.version, "assignment", assignmentId);
        if (!agencies.exists(toAgencyId)) {
            throw new InvalidInputException("toAgencyId", "no agency '" + toAgencyId + "' in the registry");
        }
        if (toAgencyId.equals(a.agencyId)) {
            throw new InvalidInputException("toAgencyId", "the assignment is " + toAgencyId + "'s already");
        }
        AssignmentStatus status = WireValues.parse(AssignmentStatus.class, a.status);
        if (!InboxLifecycle.mayRefer(status)) {
            throw new IllegalStateChangeException("assignment " + assignmentId + " is " + a.status
                    + "; it can be referred only before its people set off");
        }
        List<String> holders = new ArrayList<>();
        List<ReferralEntity> chain = ReferralEntity.of(a.id);
        holders.add(chain.isEmpty() ? a.agencyId : chain.get(0).fromAgencyId);
        chain.forEach(r -> holders.add(r.toAgencyId));
        ReferralChain.Decision decision = ReferralChain.decide(holders, toAgencyId, config.referral().maxHops(), agencies.hq());
        Instant now = clock.instant();
        ReferralEntity r = new ReferralEntity();
        r.assignmentId = a.id;
        r.hop = decision.hop();
        r.fromAgencyId = a.agencyId;
        r.toAgencyId = decision.toAgencyId();
        r.requestedAgencyId = toAgencyId;
        r.redirectedToHq = decision.redirectedToHq();
        r.redirectReason = decision.why();
        r.reason = reason;
        r.referredBy = by;
        r.referredAt = now;
        r.persist();
        a.agencyId = decision.toAgencyId();
        a.hops = decision.hop();
        a.atHqAfterLoop = decision.redirectedToHq();
        a.status = WireValues.of(AssignmentStatus.NOTIFIED);
        a.acknowledgedAt = null;
        events.publish(new AssignmentReferred(a.id, a.incidentId, r.fromAgencyId, r.toAgencyId, r.reason, r.hop, by, now,
                r.redirectedToHq ? toAgencyId : null), null);
        return flushed(a);
    }

    /**
     * What a read of a changed assignment shows, for the answer to its change: the changer sees it even after a referral
     * gave it to another agency. In the change's transaction when the caller holds one, so the answer is what it left.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InboxViews.AssignmentDetail detailOf(InboxViews.AssignmentView changed) {
        InboxAssignmentEntity a = InboxAssignmentEntity.findById(changed.id());
        if (a == null) {
            throw new UnknownResourceException("assignment", changed.id());
        }
        return detail(a);
    }

    // ---------------------------------------------------------------- helpers

    private InboxAssignmentEntity change(String agencyId, String assignmentId, String ifMatch, AssignmentStatus to) {
        InboxAssignmentEntity a = find(agencyId, assignmentId);
        Versions.requireMatch(ifMatch, a.version, "assignment", assignmentId);
        InboxLifecycle.require(assignmentId, WireValues.parse(AssignmentStatus.class, a.status), to);
        stamp(a, to, clock.instant());
        return a;
    }

    private static void stamp(InboxAssignmentEntity a, AssignmentStatus to, Instant at) {
        a.status = WireValues.of(to);
        switch (to) {
            case ACKNOWLEDGED -> a.acknowledgedAt = at;
            case EN_ROUTE -> a.enRouteAt = at;
            case ON_SCENE -> a.onSceneAt = at;
            case RELEASED -> a.releasedAt = at;
            default -> { }
        }
        if (a.acknowledgedAt == null && to != AssignmentStatus.RELEASED) {
            a.acknowledgedAt = at;
        }
    }

    /** The assignment as changed, its version counted: the changes are written out first. */
    private static InboxViews.AssignmentView flushed(InboxAssignmentEntity a) {
        InboxAssignmentEntity.flush();
        return view(a);
    }

    /** Only the agency holding an assignment sees it; for anyone else it does not exist. */
    static InboxAssignmentEntity find(String agencyId, String assignmentId) {
        InboxAssignmentEntity a = InboxAssignmentEntity.findById(assignmentId);
        if (a == null || !a.agencyId.equals(agencyId)) {
            throw new UnknownResourceException("assignment in the inbox of " + agencyId, assignmentId);
        }
        return a;
    }

    private InboxViews.AssignmentDetail detail(InboxAssignmentEntity a) {
        List<InboxViews.Referral> referrals = ReferralEntity.of(a.id).stream().map(r -> new InboxViews.Referral(r.hop,
                r.fromAgencyId, r.toAgencyId, r.requestedAgencyId, r.redirectedToHq, r.redirectReason, r.reason, r.referredBy,
                r.referredAt)).toList();
        List<InboxViews.Signal> signals = AssignmentSignalEntity.of(a.id).stream().map(s -> new InboxViews.Signal(s.kind, s.detail,
                s.statusTo == null ? null : WireValues.parse(AssignmentStatus.class, s.statusTo), s.level, s.occurredAt)).toList();
        List<TimelineEntry> latest = timeline.latest(a.incidentId, DETAIL_TIMELINE + 1);
        boolean complete = latest.size() <= DETAIL_TIMELINE;
        List<TimelineEvent> events = latest.subList(complete ? 0 : 1, latest.size()).stream().map(TimelineResource::event)
                .toList();
        return new InboxViews.AssignmentDetail(view(a), summary(a.incidentId), referrals,
                AssignmentNoteEntity.of(a.id).stream().map(InboxService::note).toList(), signals, events, complete);
    }

    static InboxViews.IncidentSummary summary(String incidentId) {
        IncidentSummaryEntity i = IncidentSummaryEntity.findById(incidentId);
        if (i == null) {
            return null;
        }
        List<String> grievances = IncidentGrievanceEntity.firstOf(incidentId, DETAIL_GRIEVANCES);
        long linked = grievances.size() < DETAIL_GRIEVANCES ? grievances.size() : IncidentGrievanceEntity.countOf(incidentId);
        return new InboxViews.IncidentSummary(i.id, i.incidentType, i.disputeType, i.severity, i.status, i.address, i.areaCode,
                i.crowdSize, i.description, Json.read(i.parties, new TypeReference<List<Party>>() { }), grievances, linked,
                i.reportedAt);
    }

    private static InboxViews.Note note(AssignmentNoteEntity n) {
        return new InboxViews.Note(n.id, n.agencyId, WireValues.parse(NoteKind.class, n.kind), n.text,
                Json.read(n.attachmentUrls, new TypeReference<List<String>>() { }), n.authoredBy, n.addedAt);
    }

    static InboxViews.AssignmentView view(InboxAssignmentEntity a) {
        return new InboxViews.AssignmentView(a.id, a.incidentId, a.agencyRole, a.agencyId, a.assignedAgencyId, a.routedBy,
                WireValues.parse(OnSiteGroup.class, a.onSiteGroup), Arrays.asList(a.duties.split("\n")),
                WireValues.parse(AssignmentStatus.class, a.status), a.playbookVersion, a.notifiedAt, a.acknowledgeDueAt,
                a.onSceneDueAt, a.acknowledgedAt, a.enRouteAt, a.expectedArrivalAt, a.onSceneAt, a.releasedAt, a.hops,
                a.atHqAfterLoop, a.version);
    }
}
