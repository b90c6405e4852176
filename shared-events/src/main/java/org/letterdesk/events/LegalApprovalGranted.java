package org.letterdesk.events;

/** LEGAL approved replying to a letter that involves personal data. */
public record LegalApprovalGranted(String letterId, String approvedBy, String note) implements LetterEvent {
}
