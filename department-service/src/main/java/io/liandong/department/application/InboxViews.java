package io.liandong.department.application;

import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.assignment.NoteKind;
import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.common.Party;
import io.liandong.platform.timeline.TimelineResource.TimelineEvent;
import java.time.Instant;
import java.util.List;

/** What an agency reads in its inbox. */
public final class InboxViews {

    private InboxViews() {
    }

    /** One assignment as its agency sees it; {@code version} is its ETag. */
    public record AssignmentView(String id, String incidentId, String agencyRole, String agencyId, String assignedAgencyId,
                                 String routedBy, OnSiteGroup onSiteGroup, List<String> duties, AssignmentStatus status,
                                 String playbookVersion, Instant notifiedAt, Instant acknowledgeDueAt, Instant onSceneDueAt,
                                 Instant acknowledgedAt, Instant enRouteAt, Instant expectedArrivalAt, Instant onSceneAt,
                                 Instant releasedAt, int hops, boolean atHqAfterLoop, long version) {
    }

    /**
     * One assignment with what goes with it: the incident, its hand-offs, notes, the HQ's signals and the
     * latest of the live timeline, oldest first. {@code timelineComplete} is false when earlier events were
     * left out; {@code /api/v1/incidents/{id}/timeline} reads them all, a page at a time.
     */
    public record AssignmentDetail(AssignmentView assignment, IncidentSummary incident, List<Referral> referrals,
                                   List<Note> notes, List<Signal> dispatchSignals, List<TimelineEvent> timeline,
                                   boolean timelineComplete) {
    }

    /**
     * The incident as the agency needs it. {@code linkedGrievanceIds} lists the grievances linked first, up to
     * 100; {@code linkedGrievanceCount} counts them all (a city-wide surge may link thousands).
     */
    public record IncidentSummary(String id, String incidentType, String disputeType, String severity, String status,
                                  String address, String areaCode, Integer estimatedCrowdSize, String description,
                                  List<Party> parties, List<String> linkedGrievanceIds, long linkedGrievanceCount,
                                  Instant reportedAt) {
    }

    /**
     * One hand-off, timestamped. {@code requestedAgencyId} differs from {@code toAgencyId} when the
     * assignment was bouncing between agencies and went to the HQ instead ({@code redirectReason} says why).
     */
    public record Referral(int hop, String fromAgencyId, String toAgencyId, String requestedAgencyId, boolean redirectedToHq,
                           String redirectReason, String reason, String referredBy, Instant referredAt) {
    }

    public record Note(String id, String agencyId, NoteKind kind, String text, List<String> attachmentUrls, String authoredBy,
                       Instant addedAt) {
    }

    /** A deadline warning, breach, escalation or operator's move the HQ announced. */
    public record Signal(String kind, String detail, AssignmentStatus statusTo, Integer level, Instant at) {
    }
}
