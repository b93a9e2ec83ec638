package io.liandong.contracts.review;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The after-action review of an incident was published: its timeline against the playbook, what
 * breached, and the corrective actions (tracked by a follow-up plan).
 *
 * @param reviewId              Id of the review.
 * @param incidentId            The incident reviewed.
 * @param publishedAt           When.
 * @param breachCount           How many deadlines were breached.
 * @param correctiveActionCount How many corrective actions it sets.
 * @param summary               Findings in brief.
 * @param agencyResponses       Each agency's response times against the playbook.
 */
public record ReviewPublished(
        String reviewId,
        String incidentId,
        Instant publishedAt,
        int breachCount,
        int correctiveActionCount,
        String summary,
        List<AgencyResponse> agencyResponses) implements EventPayload {

    public ReviewPublished {
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(summary, "summary");
        agencyResponses = List.copyOf(Objects.requireNonNull(agencyResponses, "agencyResponses"));
    }

    @Override
    public String subject() {
        return reviewId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
