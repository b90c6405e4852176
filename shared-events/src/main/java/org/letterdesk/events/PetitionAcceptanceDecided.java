package org.letterdesk.events;

import java.time.Instant;

/**
 * A supervisor decided whether a petition (信访) is accepted (受理). NOT_ACCEPTED closes the letter; ACCEPTED starts
 * the reply clock (recorded in the DeadlineSet that follows).
 */
public record PetitionAcceptanceDecided(String letterId, AcceptanceDecision decision, String reason,
                                        String decidedBy, Instant decidedAt) implements LetterEvent {
}
