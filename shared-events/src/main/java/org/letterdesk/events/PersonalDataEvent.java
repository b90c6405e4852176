package org.letterdesk.events;

/**
 * An event that may carry a sender's personal data (fields named phone, email, address, idNumber, recipient). Its
 * store encrypts those fields with the key named here (the sender file's), so that destroying the key erases them.
 */
public interface PersonalDataEvent {

    /** The id of the key the personal fields are encrypted with; null stores them as given. */
    String personalDataKey();

    /**
     * The key of a letter's personal data: its sender file's, or — for a letter registered before sender files —
     * one of the letter's own, {@code letter-<letterId>} (the one-time re-encryption of old events uses it too).
     */
    static String letterKey(String senderId, String letterId) {
        return senderId != null ? senderId : "letter-" + letterId;
    }
}
