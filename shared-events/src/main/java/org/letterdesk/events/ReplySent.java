package org.letterdesk.events;

import java.time.Instant;

/**
 * The approved draft was sent to the sender. {@code recipient} (an address typed by staff, usually the sender's
 * e-mail or postal address) is personal data: it is stored encrypted under {@code personalDataKey}, the letter's
 * sender key, so that the sender's erasure reaches it. Events stored before the key was recorded have none (null).
 */
public record ReplySent(String letterId, int draftNo, ReplyChannel channel, String recipient, String trackingNo,
                        Instant sentAt, String personalDataKey) implements LetterEvent, PersonalDataEvent {

    /** A reply without a recipient (phone, in person) or as stored before the recipient was encrypted. */
    public ReplySent(String letterId, int draftNo, ReplyChannel channel, String recipient, String trackingNo,
                     Instant sentAt) {
        this(letterId, draftNo, channel, recipient, trackingNo, sentAt, null);
    }

    /** The same reply with another rendering of the recipient (masked for a read). */
    public ReplySent withRecipient(String other) {
        return new ReplySent(letterId, draftNo, channel, other, trackingNo, sentAt, personalDataKey);
    }
}
