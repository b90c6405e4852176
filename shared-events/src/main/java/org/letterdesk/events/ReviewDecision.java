package org.letterdesk.events;

public enum ReviewDecision { APPROVED, REJECTED }
