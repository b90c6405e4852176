package org.letterdesk.events;

/** The business department's investigation findings; withinDeadline compares with the recorded due time. */
public record DisputeInvestigated(String letterId, int disputeNo, String findings, boolean withinDeadline)
        implements LetterEvent {
}
