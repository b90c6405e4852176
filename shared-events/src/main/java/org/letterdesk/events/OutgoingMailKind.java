package org.letterdesk.events;

/** What an outgoing mail carries: the reply, a delay notice (延迟答复说明) or a correction letter (答复更正函). */
public enum OutgoingMailKind { REPLY, DELAY_NOTICE, CORRECTION }
