package io.liandong.followup.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the follow-up API. */
public final class Requests {

    private Requests() {
    }

    /** The owner reports an item done: what was done and where the proof is. */
    public record Done(@NotBlank @Size(max = 4000) String note, @NotNull @NotEmpty @Size(max = 20) List<String> evidenceUrls) {
    }

    /** A beneficiary (a party id the commitment was made to) confirms a done item. */
    public record Verify(@NotBlank String beneficiaryId, @Size(max = 4000) String note) {
    }

    /** A beneficiary disputes a done item, optionally through one of the linked grievances. */
    public record Dispute(@NotBlank String beneficiaryId, @NotBlank @Size(max = 4000) String reason, String grievanceId) {
    }
}
