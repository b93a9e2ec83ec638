package io.liandong.contracts.resolution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One promise in an agreement: who does what by when, for whom, and how it is checked.
 *
 * @param commitmentId  Id of the commitment, unique within the platform.
 * @param owner         Who owes it.
 * @param action        What is to be done.
 * @param dueAt         When it must be fulfilled completely (the last occurrence or stage).
 * @param verification  How fulfilment is verified.
 * @param schedule      Once, recurring or staged.
 * @param beneficiaries Party ids of those it was made to.
 */
public record Commitment(
        String commitmentId,
        CommitmentOwner owner,
        String action,
        Instant dueAt,
        Verification verification,
        Schedule schedule,
        List<String> beneficiaries) {

    public Commitment {
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(schedule, "schedule");
        beneficiaries = List.copyOf(Objects.requireNonNull(beneficiaries, "beneficiaries"));
    }
}
