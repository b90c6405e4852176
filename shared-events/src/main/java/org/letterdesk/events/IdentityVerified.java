package org.letterdesk.events;

/** The sender's identity was re-verified (by phone) before a reply involving financial information. */
public record IdentityVerified(String letterId, String method, String verifiedBy, String note)
        implements LetterEvent {
}
