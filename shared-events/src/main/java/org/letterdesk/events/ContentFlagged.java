package org.letterdesk.events;

/** The content review (内容审核) result; each flag adds a condition to the reply. */
public record ContentFlagged(String letterId, boolean personalData, boolean financialInfo, boolean major,
                             boolean complex, String note) implements LetterEvent {
}
