package org.letterdesk.command.procedure;

import org.letterdesk.events.LetterStatus;

/**
 * Where a letter stands after a command: what every command answers (v1 contract), before its own values.
 *
 * @param version the sequence number of the letter's last event (its ETag)
 */
public record LetterOutcome(String letterId, String serialNo, long version, LetterStatus status,
                            int openCorrections, long openDisputes) {
}
