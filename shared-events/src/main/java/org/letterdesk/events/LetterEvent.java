package org.letterdesk.events;

/** Every event of a letter's stream names the letter it belongs to. */
public interface LetterEvent {
    String letterId();
}
