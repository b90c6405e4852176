package org.letterdesk.events;

/** Letter categories of the registration forms. */
public enum Category {
    CONSULTATION, ASSISTANCE, PAID_SERVICE, SUGGESTION, COMPLAINT, PRAISE, WORK_CONTACT, PETITION
}
