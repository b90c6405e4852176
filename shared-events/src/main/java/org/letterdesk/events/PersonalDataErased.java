package org.letterdesk.events;

/** The personal data of this letter's sender was erased ({@link SenderErased}); reads show {@code [已删除]}. */
public record PersonalDataErased(String letterId, String senderId) implements LetterEvent {
}
