package org.letterdesk.events;

import java.time.Instant;

/** The approved draft was sent to the sender. */
public record ReplySent(String letterId, int draftNo, ReplyChannel channel, String recipient, String trackingNo,
                        Instant sentAt) implements LetterEvent {
}
