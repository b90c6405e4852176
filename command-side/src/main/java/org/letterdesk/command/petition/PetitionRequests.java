package org.letterdesk.command.petition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.events.AcceptanceDecision;
import org.letterdesk.events.PetitionReviewKind;

/** Request bodies of a petition's acceptance, extension, review requests and answers. */
final class PetitionRequests {

    private PetitionRequests() {
    }

    /** reason is required for NOT_ACCEPTED (the petitioner is told why). */
    record AcceptanceRequest(@NotNull AcceptanceDecision decision, @Size(max = 2000) String reason) {
    }

    record ExtensionRequest(@NotNull @Min(1) @Max(PetitionClocks.MAX_EXTENSION_DAYS) Integer days,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    /** Named apart from the draft review's ReviewRequest: the contract has one schema per simple name. */
    record PetitionReviewRequest(@NotNull PetitionReviewKind kind, @NotBlank @Size(max = 4000) String reason) {
    }

    record ReviewAnswerRequest(@NotBlank @Size(max = 8000) String answer) {
    }
}
