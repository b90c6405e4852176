package org.letterdesk.events;

import java.time.Instant;

/** A deadline will pass soon and is not yet met. */
public record DeadlineApproaching(String letterId, DeadlineKind kind, int ref, Instant due) implements LetterEvent {
}
