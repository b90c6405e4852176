package org.letterdesk.events;

/** The sender's contact details changed; a null field was not given and stays as it was. */
public record SenderContactUpdated(String senderId, String phone, String email, String address,
                                   ContactVerification verifiedBy) implements SenderEvent {
}
