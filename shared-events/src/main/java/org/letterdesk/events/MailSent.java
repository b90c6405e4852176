package org.letterdesk.events;

import java.time.Instant;

/**
 * The outgoing mail {@code messageId} (see {@link org.letterdesk.procedure.OutgoingMails}) was accepted by the SMTP
 * server, after {@code attempts} attempts. The recipient is not repeated here.
 */
public record MailSent(String letterId, String messageId, OutgoingMailKind kind, int attempts, Instant sentAt)
        implements LetterEvent {
}
