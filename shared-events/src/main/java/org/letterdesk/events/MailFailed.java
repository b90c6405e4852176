package org.letterdesk.events;

import java.time.Instant;

/**
 * An attempt to send the outgoing mail {@code messageId} failed; it is tried again at {@code nextAttemptAt}, or,
 * when that is null, given up.
 */
public record MailFailed(String letterId, String messageId, OutgoingMailKind kind, int attempt, String reason,
                         Instant nextAttemptAt) implements LetterEvent {
}
