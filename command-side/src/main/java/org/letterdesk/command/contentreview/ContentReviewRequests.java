package org.letterdesk.command.contentreview;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of content flags, legal approval and identity re-verification. */
final class ContentReviewRequests {

    private ContentReviewRequests() {
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
}
