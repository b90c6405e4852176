package org.letterdesk.events;

/** The phone follow-up (电话跟进) after the reply of a complex letter. */
public record FollowUpRecorded(String letterId, String note, Boolean satisfied) implements LetterEvent {
}
