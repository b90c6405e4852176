package org.letterdesk.command.drafting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;
import org.letterdesk.events.WordingFinding;

import java.util.List;

/** A draft made: its number and what the wording check found in it. */
public record DraftResult(@JsonUnwrapped LetterOutcome letter, int draftNo, List<WordingFinding> findings)
        implements CommandResult {
}
