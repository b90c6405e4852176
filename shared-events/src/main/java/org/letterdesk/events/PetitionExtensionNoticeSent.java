package org.letterdesk.events;

import java.time.Instant;

/** The petitioner was told of the extension, its reason and the new reply due time (延期告知). */
public record PetitionExtensionNoticeSent(String letterId, int days, String reason, Instant replyDue)
        implements LetterEvent {
}
