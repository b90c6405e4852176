package org.letterdesk.command.correction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.events.CorrectionCause;
import org.letterdesk.events.FoundBy;

/** Request bodies of a correction (更正) of a sent reply and its sign-off. */
final class CorrectionRequests {

    private CorrectionRequests() {
    }

    record CorrectionRequest(@NotBlank @Size(max = 4000) String whatWasWrong,
                             @NotBlank @Size(max = 4000) String correctedContent,
                             @NotNull CorrectionCause cause,
                             @NotNull FoundBy foundBy) {
    }

    record SignOffRequest(@Size(max = 2000) String note) {
    }
}
