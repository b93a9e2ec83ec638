package io.liandong.contracts.followup;

import io.liandong.contracts.resolution.CommitmentOwner;
import java.time.Instant;
import java.util.Objects;

/**
 * One tracked item of a follow-up plan: an occurrence or stage of a commitment, or a corrective
 * action.
 *
 * @param itemId           Id of the item.
 * @param commitmentId     The commitment (or corrective action) it tracks.
 * @param occurrence       Which occurrence or stage of a recurring or staged commitment this is.
 * @param owner            Who owes it.
 * @param action           What is to be done.
 * @param dueAt            When it is due.
 * @param verifierAgencyId The agency that verifies it.
 */
public record PlannedItem(
        String itemId,
        String commitmentId,
        Integer occurrence,
        CommitmentOwner owner,
        String action,
        Instant dueAt,
        String verifierAgencyId) {

    public PlannedItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
