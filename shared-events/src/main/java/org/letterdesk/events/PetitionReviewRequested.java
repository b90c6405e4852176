package org.letterdesk.events;

import java.time.Instant;

/**
 * The petitioner asked for a review (复查, requestNo 1) of the reply or a second review (复核, requestNo 2) of the
 * review's answer. Its answer's deadline is the REVIEW DeadlineSet (ref = requestNo) that follows.
 */
public record PetitionReviewRequested(String letterId, int requestNo, PetitionReviewKind kind, String reason,
                                      Instant requestedAt) implements LetterEvent {
}
