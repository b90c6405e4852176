package org.letterdesk.events;

/** Processing status (处理状态) of a letter; open disputes and corrections are counted beside it. */
public enum LetterStatus { RECEIVED, ASSIGNED, DRAFTING, IN_REVIEW, APPROVED, SENT, CLOSED, ARCHIVED }
