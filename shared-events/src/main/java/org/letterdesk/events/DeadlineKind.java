package org.letterdesk.events;

/** COMMITMENT: a reply's commitment, ref = its number. */
public enum DeadlineKind { FIRST_RESPONSE, REPLY, FOLLOW_UP, DISPUTE_INVESTIGATION, COMMITMENT }
