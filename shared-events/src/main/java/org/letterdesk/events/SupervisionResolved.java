package org.letterdesk.events;

import java.time.Instant;

/**
 * A supervision item ended: resolved by a supervisor or director with a note, or (answered = true) by the system
 * when the missing answer was given (the reply sent, the commitment fulfilled …).
 */
public record SupervisionResolved(String letterId, int supervisionNo, boolean answered, String resolvedBy,
                                  String note, Instant resolvedAt) implements LetterEvent {
}
