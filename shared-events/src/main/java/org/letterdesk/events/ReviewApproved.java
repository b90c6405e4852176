package org.letterdesk.events;

/** One review level approved one draft. */
public record ReviewApproved(String letterId, int draftNo, ReviewLevel level, String reviewer, String comment)
        implements LetterEvent {
}
