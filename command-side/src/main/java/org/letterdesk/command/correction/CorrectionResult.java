package org.letterdesk.command.correction;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;

/** A correction issued or signed off, by its number. */
public record CorrectionResult(@JsonUnwrapped LetterOutcome letter, int correctionNo) implements CommandResult {
}
