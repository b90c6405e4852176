package org.letterdesk.events;

/** How changed contact details of a sender were verified. */
public enum ContactVerification {
    PHONE, IN_PERSON, DOCUMENT
}
