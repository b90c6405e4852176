package org.letterdesk.events;

/** The petitioner was told the acceptance decision and its reason (受理/不予受理告知). */
public record PetitionAcceptanceNoticeSent(String letterId, AcceptanceDecision decision, String reason)
        implements LetterEvent {
}
