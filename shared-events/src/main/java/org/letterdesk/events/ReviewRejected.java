package org.letterdesk.events;

/** One review level rejected a draft: the letter goes back to drafting. */
public record ReviewRejected(String letterId, int draftNo, ReviewLevel level, String reviewer, String comment)
        implements LetterEvent {
}
