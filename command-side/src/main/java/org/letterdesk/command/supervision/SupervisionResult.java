package org.letterdesk.command.supervision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;

import java.util.List;

/** @param resolved the numbers of the supervision items resolved */
public record SupervisionResult(@JsonUnwrapped LetterOutcome letter, List<Integer> resolved)
        implements CommandResult {
}
