package org.letterdesk.command.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;

import java.time.Instant;

/** What sending the reply and reporting a delay answer besides the letter's outcome. */
public final class ReplyResults {

    private ReplyResults() {
    }

    public record FollowUpDeadline(Instant followUpDue) {
    }

    /** @param deadlines the follow-up's deadline, for a complex letter only (else left out) */
    public record ReplyResult(@JsonUnwrapped LetterOutcome letter,
                              @JsonInclude(JsonInclude.Include.NON_NULL) FollowUpDeadline deadlines)
            implements CommandResult {
    }

    /** @param reportRequired whether the expected completion lies so far ahead that it must be reported (报备) */
    public record DelayResult(@JsonUnwrapped LetterOutcome letter, boolean reportRequired)
            implements CommandResult {
    }
}
