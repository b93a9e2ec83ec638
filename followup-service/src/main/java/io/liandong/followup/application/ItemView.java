package io.liandong.followup.application;

import io.liandong.contracts.followup.FollowupItemStatus;
import io.liandong.contracts.resolution.CommitmentOwner;
import java.time.Instant;
import java.util.List;

/** A tracked item as the API shows it. */
public record ItemView(
        String id,
        String planId,
        String incidentId,
        String commitmentId,
        Integer occurrence,
        CommitmentOwner owner,
        String responsibleAgencyId,
        String action,
        Instant dueAt,
        String verifierAgencyId,
        String verificationEvidence,
        String scheduleKind,
        List<String> beneficiaries,
        List<String> linkedGrievanceIds,
        FollowupItemStatus status,
        String note,
        List<String> evidenceUrls,
        boolean overdue,
        int escalationLevel,
        Instant updatedAt,
        long version) {
}
