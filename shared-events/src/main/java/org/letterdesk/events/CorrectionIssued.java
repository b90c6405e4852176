package org.letterdesk.events;

/** A correction letter (《答复更正函》) for a wrong reply; it needs a supervisor's sign-off. */
public record CorrectionIssued(String letterId, int correctionNo, String whatWasWrong, String correctedContent,
                               CorrectionCause cause, FoundBy foundBy, String issuedBy) implements LetterEvent {
}
