package io.liandong.dispatch.console;

import java.time.Instant;
import java.util.List;

/** What the console sends to browsers, as JSON: immutable copies of the live picture. */
public final class ConsoleViews {

    private ConsoleViews() {
    }

    /** Everything a browser needs to draw the console from scratch; {@code id} is the last change it includes. */
    public record Snapshot(String id, Instant serverTime, boolean replaying, List<IncidentCard> incidents,
                           List<IncidentCard> recentlyClosed, List<Surge> surges, List<Activity> activity,
                           List<Delay> delays) {
    }

    /** One change to the picture, caused by one event: the incident or surge as it is now, and what happened. */
    public record Change(long seq, Instant serverTime, Activity activity, IncidentCard incident, Surge surge,
                         String evictedIncidentId) {
    }

    /** One line of the activity feed. {@code type} is the CloudEvent type; {@code detail} its key facts. */
    public record Activity(String eventId, String type, Instant time, String incidentId, String subject,
                           String detail, boolean alarm) {
    }

    public record Place(Double lat, Double lon, String address, String areaCode) {
    }

    /**
     * One incident. {@code open} is false once closed or cancelled; {@code known} is false while only later events of
     * it have been seen (its report lies before the replay window).
     */
    public record IncidentCard(String incidentId, boolean known, boolean open, String incidentType, String disputeType,
                               String severity, String status, Integer estimatedCrowdSize, Place place,
                               String description, String origin, Instant reportedAt, Instant updatedAt,
                               List<Assignment> assignments, List<Escalation> escalations,
                               List<Milestone> milestones, Mediation mediation, List<Commitment> commitments,
                               Review review) {
    }

    /**
     * One agency's assignment and its two clocks. A clock is stopped (its {@code doneAt} set) when the step is done;
     * {@code breached} once its deadline passed first.
     */
    public record Assignment(String assignmentId, String agencyId, String agencyRole, String onSiteGroup,
                             String status, Instant createdAt, Clock acknowledge, Clock onScene,
                             int escalationLevel, String escalatedTo) {
    }

    public record Clock(Instant startedAt, Instant dueAt, Instant doneAt, boolean breached, Integer warnedPercent) {
    }

    public record Escalation(String kind, String subjectId, String agencyId, int level, String escalatedTo,
                             String reason, Instant at) {
    }

    public record Milestone(String milestone, String onSiteGroup, String agencyId, Instant recordedAt, String note) {
    }

    /** {@code state}: none, in-session, proposal, agreed, failed. */
    public record Mediation(String state, int sessions, String mediatingAgencyId, String summary, Instant at) {
    }

    /** A commitment of the agreement, as follow-up tracks it. {@code status}: agreed, pending, in-progress, done, verified, disputed, reopened. */
    public record Commitment(String key, String commitmentId, String itemId, String ownerKind, String ownerId,
                             String action, Instant dueAt, String status, boolean overdue, int escalationLevel,
                             String escalatedTo) {
    }

    public record Review(String reviewId, Instant publishedAt, int breachCount, int correctiveActionCount,
                         String summary) {
    }

    /** A grievance surge warning; {@code incidentId} once an incident was opened from it. */
    public record Surge(String clusterId, int revision, String category, String disputeType, String areaCode,
                        Double lat, Double lon, int radiusMeters, int count, Instant windowStart, Instant windowEnd,
                        Instant detectedAt, String incidentId) {
    }

    /**
     * The information delay of one hop (a producer's topic to this console) for one event type, over the window:
     * from the event's {@code ce_time} to its receipt here.
     */
    public record Delay(String topic, String type, int count, long p50Millis, long p99Millis, long maxMillis) {
    }
}
