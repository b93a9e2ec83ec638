package io.liandong.contracts;

import static io.liandong.contracts.Service.DEPARTMENT;
import static io.liandong.contracts.Service.DISPATCH;
import static io.liandong.contracts.Service.FOLLOWUP;
import static io.liandong.contracts.Service.GRIEVANCE;

import io.liandong.contracts.alert.AlertPublished;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.AssignmentDeadlineWarning;
import io.liandong.contracts.assignment.AssignmentEnRoute;
import io.liandong.contracts.assignment.AssignmentEscalated;
import io.liandong.contracts.assignment.AssignmentNoteAdded;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.assignment.AssignmentReferred;
import io.liandong.contracts.assignment.AssignmentReleased;
import io.liandong.contracts.assignment.AssignmentStatusChanged;
import io.liandong.contracts.followup.FollowupItemEscalated;
import io.liandong.contracts.followup.FollowupItemOverdue;
import io.liandong.contracts.followup.FollowupItemReopened;
import io.liandong.contracts.followup.FollowupItemUpdated;
import io.liandong.contracts.followup.FollowupItemVerified;
import io.liandong.contracts.followup.FollowupPlanCreated;
import io.liandong.contracts.followup.FollowupVerificationRequested;
import io.liandong.contracts.grievance.GrievanceClosed;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.grievance.GrievanceReceived;
import io.liandong.contracts.grievance.GrievanceReopened;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.contracts.grievance.GrievanceTriaged;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentSeverityChanged;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.contracts.mediation.MediationProposalAnswered;
import io.liandong.contracts.mediation.MediationProposalMade;
import io.liandong.contracts.mediation.MediationSessionHeld;
import io.liandong.contracts.milestone.MilestoneRecorded;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ResolutionFailed;
import io.liandong.contracts.review.ReviewPublished;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event catalogue: every event type of the platform, its payload record, who produces it and
 * who consumes it.
 *
 * <p>The CloudEvent type is {@code io.liandong.<aggregate>.<happened>.v<N>}. A breaking change
 * gets a new constant with the next version (e.g. {@code GRIEVANCE_RECEIVED_V2}) and its own
 * record, schema and sample; both versions are published until every consumer has moved.
 */
public enum EventType {

    // grievance-service
    GRIEVANCE_RECEIVED("io.liandong.grievance.received.v1", GrievanceReceived.class, GRIEVANCE, DISPATCH, FOLLOWUP),
    GRIEVANCE_TRIAGED("io.liandong.grievance.triaged.v1", GrievanceTriaged.class, GRIEVANCE, DISPATCH),
    GRIEVANCE_LINKED("io.liandong.grievance.linked.v1", GrievanceLinked.class, GRIEVANCE, DISPATCH, DEPARTMENT, FOLLOWUP),
    GRIEVANCE_CLOSED("io.liandong.grievance.closed.v1", GrievanceClosed.class, GRIEVANCE, DISPATCH, FOLLOWUP),
    GRIEVANCE_REOPENED("io.liandong.grievance.reopened.v1", GrievanceReopened.class, GRIEVANCE, DISPATCH, FOLLOWUP),
    GRIEVANCE_SURGE_DETECTED("io.liandong.grievance.surge-detected.v1", GrievanceSurgeDetected.class, GRIEVANCE, DISPATCH),

    // dispatch-service
    INCIDENT_REPORTED("io.liandong.incident.reported.v1", IncidentReported.class, DISPATCH, GRIEVANCE, DEPARTMENT, FOLLOWUP),
    INCIDENT_STATUS_CHANGED("io.liandong.incident.status-changed.v1", IncidentStatusChanged.class, DISPATCH, GRIEVANCE, DEPARTMENT, FOLLOWUP),
    INCIDENT_SEVERITY_CHANGED("io.liandong.incident.severity-changed.v1", IncidentSeverityChanged.class, DISPATCH, DEPARTMENT, FOLLOWUP),
    ASSIGNMENT_CREATED("io.liandong.assignment.created.v1", AssignmentCreated.class, DISPATCH, DEPARTMENT, FOLLOWUP, GRIEVANCE),
    ASSIGNMENT_DEADLINE_WARNING("io.liandong.assignment.deadline-warning.v1", AssignmentDeadlineWarning.class, DISPATCH, DEPARTMENT),
    ASSIGNMENT_DEADLINE_BREACHED("io.liandong.assignment.deadline-breached.v1", AssignmentDeadlineBreached.class, DISPATCH, DEPARTMENT, FOLLOWUP),
    ASSIGNMENT_ESCALATED("io.liandong.assignment.escalated.v1", AssignmentEscalated.class, DISPATCH, DEPARTMENT, FOLLOWUP),
    MILESTONE_RECORDED("io.liandong.milestone.recorded.v1", MilestoneRecorded.class, DISPATCH, DEPARTMENT, FOLLOWUP),
    ASSIGNMENT_STATUS_CHANGED("io.liandong.assignment.status-changed.v1", AssignmentStatusChanged.class, DISPATCH, DEPARTMENT, FOLLOWUP),
    ALERT_PUBLISHED("io.liandong.alert.published.v1", AlertPublished.class, DISPATCH, GRIEVANCE, FOLLOWUP),

    // department-service
    ASSIGNMENT_ACKNOWLEDGED("io.liandong.assignment.acknowledged.v1", AssignmentAcknowledged.class, DEPARTMENT, DISPATCH, FOLLOWUP, GRIEVANCE),
    ASSIGNMENT_EN_ROUTE("io.liandong.assignment.en-route.v1", AssignmentEnRoute.class, DEPARTMENT, DISPATCH, FOLLOWUP),
    ASSIGNMENT_ON_SCENE("io.liandong.assignment.on-scene.v1", AssignmentOnScene.class, DEPARTMENT, DISPATCH, FOLLOWUP, GRIEVANCE),
    ASSIGNMENT_RELEASED("io.liandong.assignment.released.v1", AssignmentReleased.class, DEPARTMENT, DISPATCH, FOLLOWUP),
    ASSIGNMENT_REFERRED("io.liandong.assignment.referred.v1", AssignmentReferred.class, DEPARTMENT, DISPATCH, FOLLOWUP),
    ASSIGNMENT_NOTE_ADDED("io.liandong.assignment.note-added.v1", AssignmentNoteAdded.class, DEPARTMENT, DISPATCH),
    MEDIATION_SESSION_HELD("io.liandong.mediation.session-held.v1", MediationSessionHeld.class, DEPARTMENT, DISPATCH, FOLLOWUP),
    MEDIATION_PROPOSAL_MADE("io.liandong.mediation.proposal-made.v1", MediationProposalMade.class, DEPARTMENT, DISPATCH),
    MEDIATION_PROPOSAL_ANSWERED("io.liandong.mediation.proposal-answered.v1", MediationProposalAnswered.class, DEPARTMENT, DISPATCH),
    RESOLUTION_AGREED("io.liandong.resolution.agreed.v1", ResolutionAgreed.class, DEPARTMENT, GRIEVANCE, DISPATCH, FOLLOWUP),
    RESOLUTION_FAILED("io.liandong.resolution.failed.v1", ResolutionFailed.class, DEPARTMENT, GRIEVANCE, DISPATCH, FOLLOWUP),

    // followup-service
    FOLLOWUP_PLAN_CREATED("io.liandong.followup.plan-created.v1", FollowupPlanCreated.class, FOLLOWUP, DISPATCH, GRIEVANCE),
    FOLLOWUP_ITEM_UPDATED("io.liandong.followup.item-updated.v1", FollowupItemUpdated.class, FOLLOWUP, DISPATCH),
    FOLLOWUP_ITEM_OVERDUE("io.liandong.followup.item-overdue.v1", FollowupItemOverdue.class, FOLLOWUP, DISPATCH, GRIEVANCE),
    FOLLOWUP_ITEM_ESCALATED("io.liandong.followup.item-escalated.v1", FollowupItemEscalated.class, FOLLOWUP, DISPATCH),
    FOLLOWUP_VERIFICATION_REQUESTED("io.liandong.followup.verification-requested.v1", FollowupVerificationRequested.class, FOLLOWUP, GRIEVANCE),
    FOLLOWUP_ITEM_VERIFIED("io.liandong.followup.item-verified.v1", FollowupItemVerified.class, FOLLOWUP, GRIEVANCE, DISPATCH),
    FOLLOWUP_ITEM_REOPENED("io.liandong.followup.item-reopened.v1", FollowupItemReopened.class, FOLLOWUP, GRIEVANCE, DISPATCH),
    REVIEW_PUBLISHED("io.liandong.review.published.v1", ReviewPublished.class, FOLLOWUP, GRIEVANCE, DISPATCH);

    /** {@code io.liandong.<aggregate>.<happened>.v<N>}, each word lowercase kebab case. */
    public static final Pattern TYPE_PATTERN = Naming.TYPE_PATTERN;

    private static final String RESOURCE_ROOT = "/io/liandong/contracts/";

    private static final Map<String, EventType> BY_TYPE = new HashMap<>();
    private static final Map<Class<?>, EventType> BY_PAYLOAD = new HashMap<>();

    static {
        for (EventType t : values()) {
            BY_TYPE.put(t.type, t);
            BY_PAYLOAD.put(t.payloadClass, t);
        }
    }

    private final String type;
    private final Class<? extends EventPayload> payloadClass;
    private final Service producer;
    private final Set<Service> consumers;
    private final String aggregate;
    private final int version;

    EventType(String type, Class<? extends EventPayload> payloadClass, Service producer, Service... consumers) {
        Matcher m = Naming.TYPE_PATTERN.matcher(type);
        if (!m.matches()) {
            throw new IllegalArgumentException("event type does not follow io.liandong.<aggregate>.<happened>.v<N>: " + type);
        }
        this.type = type;
        this.payloadClass = payloadClass;
        this.producer = producer;
        Set<Service> set = EnumSet.noneOf(Service.class);
        Collections.addAll(set, consumers);
        this.consumers = Collections.unmodifiableSet(set);
        this.aggregate = m.group(1);
        this.version = Integer.parseInt(m.group(3));
    }

    /** The CloudEvent {@code type}, e.g. {@code io.liandong.assignment.deadline-breached.v1}. */
    public String type() {
        return type;
    }

    /** The record the JSON body maps to. */
    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** The only service that publishes this type. */
    public Service producer() {
        return producer;
    }

    /** The services that consume it (documentation; each consumer owns its subscription). */
    public Set<Service> consumers() {
        return consumers;
    }

    /** The aggregate the event is about, e.g. {@code assignment}. */
    public String aggregate() {
        return aggregate;
    }

    /** The contract version, the {@code N} of {@code .vN}. */
    public int version() {
        return version;
    }

    /** The topic it is published to: its producer's events topic. */
    public String topic() {
        return producer.eventsTopic();
    }

    /**
     * Absolute classpath path of the JSON Schema (draft 2020-12) of the payload, e.g.
     * {@code /io/liandong/contracts/schemas/io.liandong.grievance.received.v1.schema.json}, for
     * {@link Class#getResourceAsStream(String)}.
     */
    public String schemaResource() {
        return RESOURCE_ROOT + "schemas/" + type + ".schema.json";
    }

    /**
     * Absolute classpath path of a valid example payload from the Binjiang scenario, e.g.
     * {@code /io/liandong/contracts/samples/io.liandong.grievance.received.v1.json}, for
     * {@link Class#getResourceAsStream(String)}.
     */
    public String sampleResource() {
        return RESOURCE_ROOT + "samples/" + type + ".json";
    }

    /** The JSON Schema text. */
    public String schemaJson() {
        return readResource(schemaResource());
    }

    /** The golden sample text, handy as a test fixture in every module. */
    public String sampleJson() {
        return readResource(sampleResource());
    }

    private static String readResource(String path) {
        try (InputStream in = EventType.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue entry for a CloudEvent type, or empty for a type this build does not know. */
    public static Optional<EventType> of(String ceType) {
        return Optional.ofNullable(ceType).map(BY_TYPE::get);
    }

    /** The catalogue entry whose payload is the given record class. */
    public static Optional<EventType> forPayload(Class<?> payloadClass) {
        return Optional.ofNullable(payloadClass).map(BY_PAYLOAD::get);
    }

    /** Holds the pattern apart, because an enum's own static fields are not yet set while its constants are built. */
    private static final class Naming {
        static final Pattern TYPE_PATTERN =
                Pattern.compile("^io\\.liandong\\.([a-z]+(?:-[a-z]+)*)\\.([a-z]+(?:-[a-z]+)*)\\.v([1-9][0-9]*)$");
    }
}
