package org.letterdesk.events;

import java.time.Instant;
import java.util.List;

/**
 * A mail from the intake mailbox belongs to this letter: the one it was registered from ({@code opensLetter}), or an
 * answer of the sender threaded to it (In-Reply-To/References of a mail we sent, or the register number in the
 * subject), which counts as the sender's response. {@code receivedAt} is the mail server's receipt time. The
 * sender's address is not repeated here: the letter names its sender.
 */
public record MailReceived(String letterId, String messageId, String subject, Instant receivedAt,
                           List<Attachment> attachments, boolean opensLetter) implements LetterEvent {
    public MailReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
