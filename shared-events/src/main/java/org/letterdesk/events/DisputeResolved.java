package org.letterdesk.events;

/** Resolved by negotiation, or escalated to the coordination group (协调小组). */
public record DisputeResolved(String letterId, int disputeNo, String outcome, boolean escalated)
        implements LetterEvent {
}
