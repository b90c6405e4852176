package org.letterdesk.command.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;

/** Request body of a draft review. */
final class ReviewRequests {

    private ReviewRequests() {
    }

    record ReviewRequest(@NotNull ReviewLevel level, @NotNull ReviewDecision decision,
                         @Size(max = 2000) String comment) {
    }
}
