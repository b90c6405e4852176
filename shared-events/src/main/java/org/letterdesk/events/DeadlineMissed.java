package org.letterdesk.events;

import java.time.Instant;

/** A deadline passed without being met. */
public record DeadlineMissed(String letterId, DeadlineKind kind, int ref, Instant due) implements LetterEvent {
}
