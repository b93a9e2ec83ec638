package io.liandong.followup.application;

import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.followup.FollowupItemStatus;
import io.liandong.contracts.resolution.CommitmentOwner;
import io.liandong.contracts.resolution.OwnerKind;
import io.liandong.followup.domain.Lines;
import io.liandong.followup.persistence.ItemEntity;

final class Views {

    private Views() {
    }

    static FollowupItemStatus status(ItemEntity i) {
        return WireValues.parse(FollowupItemStatus.class, i.status);
    }

    static CommitmentOwner owner(ItemEntity i) {
        return new CommitmentOwner(WireValues.parse(OwnerKind.class, i.ownerKind), i.ownerId);
    }

    static ItemView item(ItemEntity i) {
        return new ItemView(i.id, i.planId, i.incidentId, i.commitmentId, i.occurrence, owner(i), i.responsibleAgencyId,
                i.action, i.issue, i.dueAt, i.verifierAgencyId, i.verificationEvidence, i.scheduleKind, Lines.split(i.beneficiaries),
                Lines.split(i.linkedGrievanceIds), status(i), i.note, Lines.split(i.evidenceUrls), i.doneAt, i.overdue,
                i.escalationLevel, i.updatedAt, i.version);
    }
}
