package org.letterdesk.events;

public enum DeadlineKind { FIRST_RESPONSE, REPLY, FOLLOW_UP, DISPUTE_INVESTIGATION }
