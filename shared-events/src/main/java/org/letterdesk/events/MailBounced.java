package org.letterdesk.events;

import java.time.Instant;

/** A delivery status notification (DSN) in the intake mailbox reported the outgoing mail {@code messageId} undelivered. */
public record MailBounced(String letterId, String messageId, String reason, Instant bouncedAt)
        implements LetterEvent {
}
