package org.letterdesk.events;

import java.time.Instant;

/**
 * A review request was answered. {@code matterFinal}: the answer of the second review (复核) makes the matter final
 * (终结); recorded here so no reader has to re-derive it.
 */
public record PetitionReviewAnswered(String letterId, int requestNo, PetitionReviewKind kind, String answer,
                                     String answeredBy, Instant answeredAt, boolean matterFinal)
        implements LetterEvent {
}
