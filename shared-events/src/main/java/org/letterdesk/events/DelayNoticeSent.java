package org.letterdesk.events;

import java.time.Instant;

/** The delay notice (《延迟答复说明》) went to the sender. */
public record DelayNoticeSent(String letterId, String reason, Instant expectedCompletion) implements LetterEvent {
}
