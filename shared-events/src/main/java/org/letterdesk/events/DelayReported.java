package org.letterdesk.events;

import java.time.Instant;

/** The handler reported to the supervisor (报备) that the reply will be late. */
public record DelayReported(String letterId, String reason, Instant expectedCompletion, String reportedBy)
        implements LetterEvent {
}
