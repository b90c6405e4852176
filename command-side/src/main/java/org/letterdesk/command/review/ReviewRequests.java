package org.letterdesk.command.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;

/** Request body of a draft review. */
final class ReviewRequests {

    private ReviewRequests() {
    }

    /** target left out means the reply draft. */
    record ReviewRequest(@NotNull ReviewLevel level, @NotNull ReviewDecision decision,
                         @Size(max = 2000) String comment, ReviewTarget target) {
    }

    /** What is reviewed: the latest reply draft, or the report back to a referring office. */
    enum ReviewTarget { REPLY, REFERRAL_REPORT }
}
