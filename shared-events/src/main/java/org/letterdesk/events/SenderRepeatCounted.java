package org.letterdesk.events;

/**
 * At registration, how many earlier letters came from the same sender (matched by normalised phone, e-mail or ID
 * number, any one): the petition form's 信访次数 is this count plus the letter itself. Recorded so a replay or a
 * rebuild never recounts.
 *
 * @param basis how the sender was matched, e.g. SENDER_MATCH
 */
public record SenderRepeatCounted(String letterId, int repeatCount, String basis) implements LetterEvent {
}
