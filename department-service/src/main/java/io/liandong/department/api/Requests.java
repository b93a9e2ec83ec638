package io.liandong.department.api;

import io.liandong.contracts.assignment.NoteKind;
import io.liandong.contracts.common.PartySide;
import io.liandong.contracts.mediation.ProposalAnswer;
import io.liandong.contracts.resolution.OwnerKind;
import io.liandong.contracts.resolution.ScheduleKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.Period;
import java.util.List;

/** The bodies of department-service's calls. */
public final class Requests {

    private Requests() {
    }

    // --- the agency registry

    public record Contact(@NotBlank @Size(max = 32) String channel, @NotBlank @Size(max = 200) String value) {
    }

    public record OnDuty(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
                         @NotEmpty @Size(max = 20) List<@Valid @NotNull Contact> contacts) {
    }

    public record PutAgency(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String role,
                            @Size(max = 100) List<@NotBlank String> areas, @Size(max = 100) List<@NotBlank String> competentFor,
                            @Valid @NotNull OnDuty onDuty, @NotBlank @Size(max = 200) String updatedBy) {
    }

    // --- the inbox

    public record Acknowledge(@NotBlank @Size(max = 200) String acknowledgedBy) {
    }

    public record EnRoute(@NotBlank @Size(max = 200) String reportedBy, Instant expectedArrivalAt) {
    }

    public record OnScene(@NotBlank @Size(max = 200) String reportedBy, @PositiveOrZero Integer personnelCount) {
    }

    public record Release(@NotBlank @Size(max = 200) String releasedBy, @Size(max = 2000) String reason) {
    }

    public record AddNote(@NotNull NoteKind kind, @NotBlank @Size(max = 4000) String text,
                          @NotBlank @Size(max = 200) String authoredBy,
                          @Size(max = 20) List<@NotBlank @Size(max = 2000) String> attachmentUrls) {
    }

    public record Refer(@NotBlank @Size(max = 128) String toAgencyId, @NotBlank @Size(max = 2000) String reason,
                        @NotBlank @Size(max = 200) String referredBy) {
    }

    // --- mediation

    public record PartyRequest(@NotBlank @Size(max = 128) String partyId, @NotBlank @Size(max = 500) String name,
                               @NotNull PartySide side) {
    }

    public record RepresentativeRequest(@NotBlank @Size(max = 128) String partyId, @NotBlank @Size(max = 200) String name,
                                        @NotBlank @Size(max = 200) String role) {
    }

    public record DemandRequest(@NotBlank @Size(max = 128) String partyId, @NotBlank @Size(max = 2000) String demand) {
    }

    /** {@code parties} absent: the incident's parties, as dispatch reported them. */
    public record OpenMediation(@NotBlank @Size(max = 64) String incidentId,
                                @Size(max = 50) List<@Valid @NotNull PartyRequest> parties,
                                @NotBlank @Size(max = 200) String openedBy) {
    }

    public record HoldSession(Instant heldAt, @NotBlank @Size(max = 500) String location,
                              @NotEmpty @Size(max = 50) List<@Valid @NotNull RepresentativeRequest> representatives,
                              @Size(max = 200) List<@Valid @NotNull DemandRequest> demands,
                              @Size(max = 4000) String summary) {
    }

    public record Propose(@NotBlank @Size(max = 128) String proposedBy,
                          @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> terms) {
    }

    public record Answer(@NotBlank @Size(max = 128) String partyId, @NotNull ProposalAnswer answer,
                         @Size(max = 50) List<@NotBlank @Size(max = 2000) String> counterTerms) {
    }

    public record Owner(@NotNull OwnerKind kind, @NotBlank @Size(max = 128) String id) {
    }

    public record VerificationRequest(@NotBlank @Size(max = 128) String verifierAgencyId, boolean beneficiaryConfirmation,
                                      @NotBlank @Size(max = 2000) String evidence) {
    }

    public record StageRequest(@Positive int stage, @NotNull Instant dueAt, @NotBlank @Size(max = 2000) String description) {
    }

    public record ScheduleRequest(@NotNull ScheduleKind kind, Instant startsAt, Period every, @Positive Integer occurrences,
                                  @Size(max = 24) List<@Valid @NotNull StageRequest> stages) {
    }

    public record CommitmentRequest(@Valid @NotNull Owner owner, @NotBlank @Size(max = 2000) String action,
                                    @NotNull Instant dueAt, @Valid @NotNull VerificationRequest verification,
                                    @Valid @NotNull ScheduleRequest schedule,
                                    @Size(max = 50) List<@NotBlank String> beneficiaries) {
    }

    /** {@code parties} absent: the mediation's parties. */
    public record Agree(@Size(max = 50) List<@Valid @NotNull PartyRequest> parties,
                        @NotEmpty @Size(max = 50) List<@Valid @NotNull RepresentativeRequest> signatories,
                        Instant signedAt,
                        @NotEmpty @Size(max = 100) List<@Valid @NotNull CommitmentRequest> commitments,
                        @Size(max = 1000) List<@NotBlank String> linkedGrievanceIds,
                        @Size(max = 4000) String summary) {
    }

    public record Fail(@NotBlank @Size(max = 2000) String reason, @Positive Integer mediateAgainWithinDays) {
    }
}
