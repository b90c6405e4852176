package org.letterdesk.command.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;

/** Request bodies of content flags, legal approval, identity verification and draft reviews. */
final class ReviewRequests {

    private ReviewRequests() {
    }

    /** A flag left out keeps its current value. */
    record FlagsRequest(Boolean personalData, Boolean financialInfo, Boolean major, Boolean complex,
                        @Size(max = 2000) String note) {
    }

    record LegalApprovalRequest(@Size(max = 2000) String note) {
    }

    // The procedure allows re-verification by phone only.
    record IdentityVerificationRequest(@NotNull @Pattern(regexp = "PHONE", message = "must be PHONE") String method,
                                       @Size(max = 2000) String note) {
    }

    record ReviewRequest(@NotNull ReviewLevel level, @NotNull ReviewDecision decision,
                         @Size(max = 2000) String comment) {
    }
}
