package org.letterdesk.command.procedure;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer of a command that adds nothing to the letter's outcome. */
public record LetterResult(@JsonUnwrapped LetterOutcome letter) implements CommandResult {
}
