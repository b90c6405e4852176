package org.letterdesk.command.commitment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;

/**
 * @param n            the commitment fulfilled
 * @param onTime       whether it was fulfilled by its due date
 * @param openCommitments the letter's commitments still open
 */
public record CommitmentResult(@JsonUnwrapped LetterOutcome letter, int n, boolean onTime, int openCommitments)
        implements CommandResult {
}
