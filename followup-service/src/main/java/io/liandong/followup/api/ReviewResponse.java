package io.liandong.followup.api;

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
        int mediationRounds,
        List<Review.CommitmentLine> commitments) {

    public record Agency(String assignmentId, String agencyId, String agencyRole, Instant notifiedAt,
                         Long acknowledgedAfterSeconds, Long acknowledgeLimitSeconds, Long onSceneAfterSeconds,
                         Long onSceneLimitSeconds, List<String> breaches) {
    }

    static ReviewResponse of(Review r) {
        return new ReviewResponse(r.incidentId(), r.closedAt(), r.agencies().stream().map(a -> new Agency(a.assignmentId(),
                a.agencyId(), a.agencyRole(), a.notifiedAt(), seconds(a.acknowledgedAfter()), seconds(a.acknowledgeLimit()),
                seconds(a.onSceneAfter()), seconds(a.onSceneLimit()), a.breaches())).toList(),
                r.breachCount(), r.mediationRounds(), r.commitments());
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }
}
