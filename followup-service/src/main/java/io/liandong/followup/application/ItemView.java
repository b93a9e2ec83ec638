package io.liandong.followup.application;

import io.liandong.contracts.followup.FollowupItemStatus;
import io.liandong.contracts.resolution.CommitmentOwner;
import java.time.Instant;
import java.util.List;

/**
 * A tracked item as the API shows it. {@code issue}: for a review's corrective action, the finding
 * it answers; {@code doneAt}: when the owner reported it done (null while not done).
 */
public record ItemView(
        String id,
        String planId,
        String incidentId,
        String commitmentId,
        Integer occurrence,
        CommitmentOwner owner,
        String responsibleAgencyId,
        String action,
        String issue,
        Instant dueAt,
        String verifierAgencyId,
        String verificationEvidence,
        String scheduleKind,
        List<String> beneficiaries,
        List<String> linkedGrievanceIds,
        FollowupItemStatus status,
        String note,
        List<String> evidenceUrls,
        Instant doneAt,
        boolean overdue,
        int escalationLevel,
        Instant updatedAt,
        long version) {
}
