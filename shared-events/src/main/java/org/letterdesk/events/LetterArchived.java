package org.letterdesk.events;

import java.time.Instant;

/** Archived (存档) with an archive number; nothing of it may be purged before retainUntil. */
public record LetterArchived(String letterId, String archiveNo, Instant archivedAt, Instant retainUntil)
        implements LetterEvent {
}
