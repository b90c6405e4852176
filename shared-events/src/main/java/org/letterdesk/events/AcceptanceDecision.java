package org.letterdesk.events;

/** A petition's acceptance decision (受理 / 不予受理). */
public enum AcceptanceDecision { ACCEPTED, NOT_ACCEPTED }
