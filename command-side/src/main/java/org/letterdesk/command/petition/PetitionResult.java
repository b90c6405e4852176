package org.letterdesk.command.petition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;

import java.time.Instant;

/**
 * What a petition command answers besides the letter's outcome: the reply's due time after acceptance or extension,
 * the review request's number and its answer's due time; values a command did not set are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PetitionResult(@JsonUnwrapped LetterOutcome letter, Instant replyDue, Integer requestNo,
                             Instant reviewDue) implements CommandResult {
}
