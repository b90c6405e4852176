package org.letterdesk.events;

/**
 * An event that may carry a sender's personal data (fields named phone, email, address, idNumber). Its store
 * encrypts those fields with the key named here (the sender file's), so that destroying the key erases them.
 */
public interface PersonalDataEvent {

    /** The id of the key the personal fields are encrypted with; null stores them as given. */
    String personalDataKey();
}
