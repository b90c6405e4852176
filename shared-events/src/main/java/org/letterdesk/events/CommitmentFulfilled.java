package org.letterdesk.events;

import java.time.Instant;

/** A commitment was kept, with the evidence of it (办结凭证). Meets the commitment's deadline. */
public record CommitmentFulfilled(String letterId, int n, String evidence, String fulfilledBy, Instant fulfilledAt)
        implements LetterEvent {
}
