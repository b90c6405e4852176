package org.letterdesk.command.dispute;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of a dispute (争议) and its investigation and resolution. */
final class DisputeRequests {

    private DisputeRequests() {
    }

    record DisputeRequest(@NotBlank @Size(max = 4000) String points,
                          @NotBlank @Size(max = 4000) String senderView,
                          @NotBlank @Size(max = 4000) String organizationView) {
    }

    record InvestigationRequest(@NotBlank @Size(max = 4000) String findings) {
    }

    /** escalated left out means not escalated. */
    record ResolutionRequest(@NotBlank @Size(max = 4000) String outcome, Boolean escalated) {
    }
}
