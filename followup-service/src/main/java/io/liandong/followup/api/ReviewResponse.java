package io.liandong.followup.api;

import io.liandong.followup.application.ReviewService;
import io.liandong.followup.domain.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The after-action review as JSON: durations in whole seconds, null when the step never happened. */
public record ReviewResponse(
        String incidentId,
        Instant closedAt,
        List<Agency> agencies,
        int breachCount,
        GoldenPeriod goldenPeriod,
        List<Handoff> handoffs,
        GrievanceLead grievanceLead,
        int mediationRounds,
        List<Review.CommitmentLine> commitments,
        int correctiveActionCount,
        List<CorrectiveAction> correctiveActions) {

    public record Agency(String assignmentId, String agencyId, String agencyRole, Instant notifiedAt,
                         Long acknowledgedAfterSeconds, Long acknowledgeLimitSeconds, Long onSceneAfterSeconds,
                         Long onSceneLimitSeconds, List<String> breaches) {
    }

    /** compliance: met, missed, not-started (no police arrival) or not-recorded (control never recorded). */
    public record GoldenPeriod(Instant policeArrivedAt, String policeAgencyId, Instant underControlAt, Long targetSeconds,
                               Long elapsedSeconds, String compliance) {
    }

    public record Handoff(String assignmentId, String fromAgencyId, String toAgencyId, int hop, Instant referredAt,
                          Instant acknowledgedAt, Long delaySeconds, Long limitSeconds, boolean late) {
    }

    public record GrievanceLead(int linkedGrievances, String firstGrievanceId, Instant firstReceivedAt,
                                Instant incidentReportedAt, Long firstToIncidentSeconds) {
    }

    /**
     * A corrective action: once the review is published, the tracked item (itemId, dueAt, status);
     * before, the finding alone.
     */
    public record CorrectiveAction(String itemId, String issue, String action, String responsibleAgencyId, Instant dueAt,
                                   String verifierAgencyId, String status, boolean overdue) {
    }

    static ReviewResponse of(ReviewService.ReviewView view) {
        Review r = view.review();
        Review.GoldenPeriod g = r.goldenPeriod();
        Review.GrievanceLead l = r.grievanceLead();
        List<CorrectiveAction> actions = view.correctiveActions().isEmpty()
                ? r.findings().stream().map(f -> new CorrectiveAction(null, f.issue(), f.action(), f.responsibleAgencyId(), null,
                        null, null, false)).toList()
                : view.correctiveActions().stream().map(i -> new CorrectiveAction(i.itemId(), i.issue(), i.action(),
                        i.responsibleAgencyId(), i.dueAt(), i.verifierAgencyId(), i.status(), i.overdue())).toList();
        return new ReviewResponse(r.incidentId(), r.closedAt(), r.agencies().stream().map(a -> new Agency(a.assignmentId(),
                a.agencyId(), a.agencyRole(), a.notifiedAt(), seconds(a.acknowledgedAfter()), seconds(a.acknowledgeLimit()),
                seconds(a.onSceneAfter()), seconds(a.onSceneLimit()), a.breaches())).toList(),
                r.breachCount(),
                new GoldenPeriod(g.policeArrivedAt(), g.policeAgencyId(), g.underControlAt(), seconds(g.target()),
                        seconds(g.elapsed()), g.compliance()),
                r.handoffs().stream().map(h -> new Handoff(h.assignmentId(), h.fromAgencyId(), h.toAgencyId(), h.hop(),
                        h.referredAt(), h.acknowledgedAt(), seconds(h.delay()), seconds(h.limit()), h.late())).toList(),
                new GrievanceLead(l.linkedGrievances(), l.firstGrievanceId(), l.firstReceivedAt(), l.incidentReportedAt(),
                        seconds(l.firstToIncident())),
                r.mediationRounds(), r.commitments(), view.correctiveActions().size(), actions);
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }
}
