package org.letterdesk.command.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;
import org.letterdesk.events.Department;

import java.time.Instant;
import java.util.List;

/** What registration and urgency answer besides the letter's outcome. */
public final class IntakeResults {

    private IntakeResults() {
    }

    /** The intake deadlines a command set; one not (re-)set is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntakeDeadlines(Instant firstResponseDue, Instant replyDue, Instant acceptanceDue) {
    }

    /**
     * @param warnings the calendar's warnings (a year without a loaded calendar), answered to the client too;
     *                 left out when there are none
     */
    /**
     * @param department  the department assigned at registration (named, or chosen by a routing rule), or null
     * @param senderId    the sender file the letter was linked to (matched or newly opened)
     * @param repeatCount how many earlier letters that file holds (信访次数 − 1)
     */
    public record RegistrationResult(@JsonUnwrapped LetterOutcome letter, IntakeDeadlines deadlines,
                                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
                                     Department department, String senderId, Integer repeatCount)
            implements CommandResult {
    }

    public record UrgencyResult(@JsonUnwrapped LetterOutcome letter, IntakeDeadlines deadlines,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings)
            implements CommandResult {
    }
}
