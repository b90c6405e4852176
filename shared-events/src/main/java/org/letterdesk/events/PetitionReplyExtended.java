package org.letterdesk.events;

import java.time.Instant;

/**
 * A supervisor extended a petition's reply clock (延期), once, by 1–30 days. The new due time is the REPLY
 * DeadlineSet that follows.
 *
 * @param previousDue the reply's due time before the extension
 */
public record PetitionReplyExtended(String letterId, int days, String reason, String approvedBy,
                                    Instant previousDue) implements LetterEvent {
}
