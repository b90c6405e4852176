package org.letterdesk.events;

public record CorrectionSignedOff(String letterId, int correctionNo, String signedOffBy, String note)
        implements LetterEvent {
}
