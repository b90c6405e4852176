package org.letterdesk.events;

/**
 * At registration the letter was linked to an earlier letter about the same matter ({@code relatedLetterId}).
 * Whether that matter was already final (信访事项已终结) is recorded as it stood then.
 */
public record LetterLinked(String letterId, String relatedLetterId, String relatedSerialNo,
                           boolean relatedMatterFinal) implements LetterEvent {
}
