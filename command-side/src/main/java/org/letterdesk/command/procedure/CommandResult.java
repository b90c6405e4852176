package org.letterdesk.command.procedure;

/**
 * What a letter's command handler answers: the letter's outcome plus the command's own values. Each command has
 * its own record; the HTTP response is the record with the outcome's fields unwrapped into it.
 */
public interface CommandResult {

    LetterOutcome letter();
}
