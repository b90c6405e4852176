package org.letterdesk.command.dispute;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;

import java.time.Instant;

/**
 * A dispute recorded, investigated or resolved, by its number.
 *
 * @param deadlines the investigation's deadline, when the dispute was recorded (else left out)
 */
public record DisputeResult(@JsonUnwrapped LetterOutcome letter, int disputeNo,
                            @JsonInclude(JsonInclude.Include.NON_NULL) InvestigationDeadline deadlines)
        implements CommandResult {

    public record InvestigationDeadline(Instant investigationDue) {
    }
}
